using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// The portal's users a REST 3.0 select reads related users from (<c>responsible.name</c>): the emulator has one,
/// the user of its webhook and tokens, with the fields of the REST 3.0 user object.
/// </summary>
internal sealed class UserDirectory : IRelatedSource
{
    private readonly int _userId;

    public UserDirectory(int userId) => _userId = userId;

    public string EntityName => "UserDto";

    public string Prefix => string.Empty;

    public IReadOnlyCollection<string> Fields { get; } = ["id", "name", "role", "image", "gender", "email", "externalAuthId", "rights"];

    public JsonObject? Find(long id) => id == _userId
        ? new JsonObject
        {
            ["id"] = _userId,
            ["name"] = "Portal Administrator",
            ["role"] = "employee",
            ["image"] = null,
            ["gender"] = "M",
            ["email"] = "admin@example.com",
            ["externalAuthId"] = null,
            ["rights"] = null,
        }
        : null;
}
