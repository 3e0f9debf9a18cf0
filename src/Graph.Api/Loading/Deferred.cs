using GraphQL.DataLoader;

namespace Graph.Api.Loading;

/// <summary>A value GraphQL.NET asks for only once the rest of the level has been resolved.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> get) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => get(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await get(cancellationToken);
}
