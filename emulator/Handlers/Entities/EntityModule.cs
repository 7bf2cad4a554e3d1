using Bitrix24.Emulator.Rest3.Query;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// Keeps the entities of every family the specs describe (<c>crm.deal.*</c>, <c>crm.item.*</c> by
/// <c>entityTypeId</c>, <c>tasks.task.*</c>, …): one store per family, its methods answered from it, unless another
/// module answers them already.
/// </summary>
internal sealed class EntityModule : IEmulatorModule
{
    public void Register(MethodRegistry methods, EmulatorContext context)
    {
        var related = new RelatedObjects(new UserDirectory(context.UserId));
        foreach (var family in EntityFamily.Find(context.Specs))
        {
            new EntityHandlers(family, context.Specs, context.TimeProvider, related).Register(methods);
        }
    }
}
