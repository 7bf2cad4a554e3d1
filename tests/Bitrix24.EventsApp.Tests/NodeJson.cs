using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.EventsApp.Tests;

/// <summary>Parameters and results of the methods the sample has no spec of, as JSON nodes.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class NodeJson : JsonSerializerContext;
