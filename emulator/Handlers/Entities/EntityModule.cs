using System;
using Bitrix24.Emulator.Specs;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// Keeps the entities of every family the specs describe (<c>crm.deal.*</c>, <c>crm.item.*</c> by
/// <c>entityTypeId</c>, <c>tasks.task.*</c>, …): one store per family, its methods answered from it, unless another
/// module answers them already.
/// </summary>
internal static class EntityModule
{
    public static void Register(MethodRegistry methods, SpecCatalog specs, TimeProvider clock)
    {
        foreach (var family in EntityFamily.Find(specs))
        {
            new EntityHandlers(family, specs, clock).Register(methods);
        }
    }
}
