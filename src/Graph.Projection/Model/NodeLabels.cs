namespace Graph.Projection.Model;

/// <summary>The closed set of node labels of the graph model.</summary>
public static class NodeLabels
{
    public const string Actor = "Actor";
    public const string Organisation = "Organisation";
    public const string Person = "Person";
    public const string Statement = "Statement";
    public const string Source = "Source";
    public const string Topic = "Topic";

    public static IReadOnlyList<string> All { get; } = [Actor, Organisation, Person, Statement, Source, Topic];
}
