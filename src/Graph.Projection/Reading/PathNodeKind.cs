namespace Graph.Projection.Reading;

/// <summary>What a node on a path is.</summary>
public enum PathNodeKind
{
    Organisation,
    Person,
    Statement,
}
