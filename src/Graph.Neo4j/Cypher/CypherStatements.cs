using System.Collections.Frozen;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the project sends to Neo4j, in one place. Values only ever travel as parameters; labels,
/// relationship types and property keys come only from the model's closed sets.
/// </summary>
/// <remarks>
/// Statements over statement filters are compiled for each filter's shape (<see cref="StatementMatch"/>), so
/// <see cref="All"/> lists them for a set of example filters that covers every way of starting a search.
/// <c>Graph.Host cypher --json</c> prints them all, and a test lints each with Neo4j's own parser.
/// </remarks>
public static partial class CypherStatements
{
    /// <summary>The label sets nodes are written with; the first label is the one merged on.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> NodeLabelSets { get; } =
    [
        [NodeLabels.Organisation, NodeLabels.Actor],
        [NodeLabels.Person, NodeLabels.Actor],
        [NodeLabels.Statement],
        [NodeLabels.Source],
        [NodeLabels.Topic],
    ];

    /// <summary>Every relationship type with the labels of its ends.</summary>
    public static IReadOnlyList<RelationshipShape> RelationshipShapes { get; } =
    [
        new(RelationshipTypes.Made, NodeLabels.Actor, NodeLabels.Statement, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.OnBehalfOf, NodeLabels.Statement, NodeLabels.Organisation, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.AddressedTo, NodeLabels.Statement, NodeLabels.Actor, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.CitesExemplar, NodeLabels.Statement, NodeLabels.Actor, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.Benefits, NodeLabels.Statement, NodeLabels.Actor, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.Concerns, NodeLabels.Statement, NodeLabels.Actor, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.About, NodeLabels.Statement, NodeLabels.Topic, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.SupportedBy, NodeLabels.Statement, NodeLabels.Source, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.RespondsTo, NodeLabels.Statement, NodeLabels.Statement, Keyed: false, WrittenOnce: true),
        new(RelationshipTypes.AffiliatedWith, NodeLabels.Person, NodeLabels.Organisation, Keyed: true, WrittenOnce: false),
        new(RelationshipTypes.PartOf, NodeLabels.Organisation, NodeLabels.Organisation, Keyed: false, WrittenOnce: false),
        .. StatementKinds.DerivedRelationshipTypes.Select(type =>
            new RelationshipShape(type, NodeLabels.Actor, NodeLabels.Actor, Keyed: true, WrittenOnce: true)),
    ];

    private static readonly FrozenDictionary<string, RelationshipShape> ShapesByType = RelationshipShapes.ToFrozenDictionary(s => s.Type);

    /// <summary>The shape of a relationship type of the model.</summary>
    public static RelationshipShape ShapeOf(string type) =>
        ShapesByType.TryGetValue(type, out var shape)
            ? shape
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a relationship type of the model.");

    private static IReadOnlyList<CypherStatement>? _all;

    /// <summary>Every statement the project sends, for <c>cypher --json</c> and the linter.</summary>
    // Built on first use: the partial class's parts initialise in no set order, and this list uses them all.
    public static IReadOnlyList<CypherStatement> All => _all ??= EveryStatement();

    private static List<CypherStatement> EveryStatement() =>
    [
        .. Schema,
        ReadCheckpoint,
        TakeLease,
        ReleaseLease,
        ApplyBatch,
        .. DeleteAll,
        CountNodes,
        ActorsById,
        .. Enum.GetValues<ActorOrder>().Select(FindActors),
        FindTopics,
        StatementsById,
        OrganisationParts,
        OrganisationMembers,
        .. ExampleFilters.Select(example => Named($"find-statements-{example.Name}", FindStatements(example.Filter, StatementOrder.SaidOnDescending, 0, 50, StatementParts.All))),
        .. ExampleFilters.Take(2).SelectMany(example => Enum.GetValues<StatementOrder>().Skip(1)
            .Select(order => Named($"find-statements-{example.Name}-{Kebab(order.ToString())}", FindStatements(example.Filter, order, 0, 50, StatementParts.Sources)))),
        .. Enum.GetValues<CountDimension>()
            .Select(by => Named($"count-statements-by-{Kebab(by.ToString())}", CountStatements(ExampleFilters[0].Filter, by, [], 20))),
        Named("count-statements-to-companies", CountStatements(ExampleFilters[3].Filter, CountDimension.Addressee, ["COMPANY"], 20)),
        .. ExampleFilters.Select(example => Named($"actor-network-{example.Name}", ActorNetwork(example.Filter, 100))),
        .. Enumerable.Range(1, PathQuery.MaxHopsAllowed).SelectMany(hops => new[] { true, false }.Select(shortest =>
            FindPaths(new PathQuery("nicole-ozer", "microsoft", hops, new HashSet<PathLink>(Enum.GetValues<PathLink>()), shortest, 10)).Statement)),
        FindPaths(new PathQuery("nicole-ozer", "microsoft", 3, new HashSet<PathLink> { PathLink.Statements }, true, 10)).Statement,
        .. Enumerable.Range(1, NetworkView.MaxDepth).Select(depth => Neighbourhood(new NeighbourhoodQuery("amazon", depth)).Statement),
        Neighbourhood(new NeighbourhoodQuery("amazon", 2, [StatementKind.Criticise], new DateOnly(2020, 6, 1), new DateOnly(2021, 6, 1))).Statement,
        Neighbourhood(new NeighbourhoodQuery("amazon", 1, Roles: new HashSet<StatementRole> { StatementRole.Addressee })).Statement,
        Neighbourhood(new NeighbourhoodQuery("amazon", 2, [StatementKind.Appeal], Roles: new HashSet<StatementRole> { StatementRole.Exemplar, StatementRole.Subject })).Statement,
        Neighbourhood(new NeighbourhoodQuery("amazon", 1, Roles: new HashSet<StatementRole>())).Statement,
        Stances,
    ];

    private static CypherStatement Named(string name, CompiledQuery query) => query.Statement with { Name = name };

    private static CypherStatement Statement(string name, string text, Dictionary<string, object?>? parameters = null) =>
        new(name, text.Trim(), parameters ?? []);

    private static string Kebab(string name) =>
        name.All(c => !char.IsLower(c))
            ? name.ToLowerInvariant().Replace('_', '-')
            : string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Snake(string name) => Kebab(name).Replace('-', '_');
}
