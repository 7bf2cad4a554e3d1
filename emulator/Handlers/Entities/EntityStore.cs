using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>The entities of one family, by partition (e.g. <c>entityTypeId</c>) and id; ids count up from 1 across partitions.</summary>
internal sealed class EntityStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _partitions = new(System.StringComparer.Ordinal);
    private long _lastId;

    /// <summary>Stores the entity <paramref name="create"/> makes for the next id, and returns a copy.</summary>
    public JsonObject Add(string partition, System.Func<long, JsonObject> create)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            var entity = create(id);
            Partition(partition)[id] = entity;
            return (JsonObject)entity.DeepClone();
        }
    }

    /// <summary>A copy of the entity, or null.</summary>
    public JsonObject? Get(string partition, long id)
    {
        lock (_gate)
        {
            return Partition(partition).TryGetValue(id, out var entity) ? (JsonObject)entity.DeepClone() : null;
        }
    }

    /// <summary>A copy of the entity with the id in whichever partition, or null: ids are unique across them.</summary>
    public JsonObject? Find(long id)
    {
        lock (_gate)
        {
            return _partitions.Values.Select(partition => partition.TryGetValue(id, out var entity) ? (JsonObject)entity.DeepClone() : null).FirstOrDefault(entity => entity is not null);
        }
    }

    /// <summary>Changes the entity in place and returns a copy; null when there is none.</summary>
    public JsonObject? Update(string partition, long id, System.Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (!Partition(partition).TryGetValue(id, out var entity))
            {
                return null;
            }

            change(entity);
            return (JsonObject)entity.DeepClone();
        }
    }

    public bool Delete(string partition, long id)
    {
        lock (_gate)
        {
            return Partition(partition).Remove(id);
        }
    }

    /// <summary>Copies of every entity of a partition, by id.</summary>
    public List<JsonObject> All(string partition)
    {
        lock (_gate)
        {
            return Partition(partition).Values.Select(entity => (JsonObject)entity.DeepClone()).ToList();
        }
    }

    private SortedDictionary<long, JsonObject> Partition(string key)
    {
        if (!_partitions.TryGetValue(key, out var partition))
        {
            _partitions[key] = partition = new SortedDictionary<long, JsonObject>();
        }

        return partition;
    }
}
