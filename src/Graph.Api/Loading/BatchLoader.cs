using GraphQL.DataLoader;

namespace Graph.Api.Loading;

/// <summary>
/// Collects the keys resolvers ask for while GraphQL.NET resolves one level of a query, and fetches them all in one
/// store round trip when the first result is needed; values are kept for the rest of the request.
/// </summary>
/// <remarks>GraphQL.NET defers a field whose resolver returns an <see cref="IDataLoaderResult"/> until its siblings have run.</remarks>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batches = [];
    private HashSet<TKey> _pending = [];

    /// <summary>The value for a key, or null when the store has none; fetched with every other key asked for meanwhile.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batches.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Deferred<TValue?>(cancellationToken => GetAsync(key, cancellationToken));
    }

    /// <summary>Keeps values another read brought, so asking for their keys later costs no fetch.</summary>
    public void Prime(IEnumerable<(TKey Key, TValue Value)> values)
    {
        var known = values.ToDictionary(v => v.Key, v => v.Value);
        if (known.Count == 0)
        {
            return;
        }

        var batch = Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(known);
        lock (_lock)
        {
            foreach (var key in known.Keys)
            {
                _batches.TryAdd(key, batch);
                _pending.Remove(key);
            }
        }
    }

    /// <summary>The values for several keys, in their order, leaving out keys the store does not have.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys)
    {
        var results = keys.Select(Load).ToList();
        return new Deferred<IReadOnlyList<TValue>>(async cancellationToken =>
        {
            var values = new List<TValue>(results.Count);
            foreach (var result in results)
            {
                if (await result.GetResultAsync(cancellationToken) is { } value)
                {
                    values.Add(value);
                }
            }

            return values;
        });
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<TKey, TValue>> batch;
        lock (_lock)
        {
            if (!_batches.TryGetValue(key, out batch!))
            {
                var keys = _pending;
                keys.Add(key);
                _pending = [];
                batch = fetch(keys, cancellationToken);
                foreach (var pending in keys)
                {
                    _batches[pending] = batch;
                }
            }
        }

        return (await batch).GetValueOrDefault(key);
    }
}
