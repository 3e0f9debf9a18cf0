namespace Graph.Projection.Reading;

/// <summary>The kinds of link a path between two actors may go through.</summary>
public enum PathLink
{
    /// <summary>Through statements: who made them, for whom, to whom, whom they cite, benefit or concern, and what they answer.</summary>
    Statements,

    /// <summary>Through people's affiliations with organisations.</summary>
    Affiliations,

    /// <summary>Through organisations being part of others.</summary>
    PartOf,
}
