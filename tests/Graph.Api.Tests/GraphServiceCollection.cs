namespace Graph.Api.Tests;

/// <summary>One service for the tests that share it; each test uses its own names and ids.</summary>
[CollectionDefinition(Name)]
public sealed class GraphServiceCollection : ICollectionFixture<GraphServiceFactory>
{
    public const string Name = "graph-service";
}
