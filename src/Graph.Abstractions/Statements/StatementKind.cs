namespace Graph.Abstractions.Statements;

/// <summary>What a statement does, from a controlled vocabulary grounded in CAMEO, the event coding used by GDELT.</summary>
/// <remarks>Each kind covers a family of CAMEO codes; <see cref="StatementKinds"/> maps between them.</remarks>
public enum StatementKind
{
    /// <summary>Makes a public statement (CAMEO 010, 012–015, 017–019).</summary>
    State,

    /// <summary>Declines to comment (CAMEO 011).</summary>
    DeclineComment,

    /// <summary>Denies responsibility or an accusation (CAMEO 016).</summary>
    Deny,

    /// <summary>Praises, endorses or defends (CAMEO 051–053).</summary>
    Support,

    /// <summary>Urges, calls on or asks someone to act (CAMEO 02x).</summary>
    Appeal,

    /// <summary>Demands (CAMEO 10x).</summary>
    Demand,

    /// <summary>Expresses intent or makes a commitment (CAMEO 03x).</summary>
    Pledge,

    /// <summary>Makes a decision or policy public, such as a moratorium (CAMEO 08x).</summary>
    Announce,

    /// <summary>Criticises or denounces (CAMEO 110, 111, 113, 114).</summary>
    Criticise,

    /// <summary>Accuses (CAMEO 112).</summary>
    Accuse,

    /// <summary>Rejects, including disputing findings (CAMEO 12x).</summary>
    Reject,

    /// <summary>Threatens (CAMEO 13x).</summary>
    Threaten,

    /// <summary>Protests (CAMEO 14x).</summary>
    Protest,

    /// <summary>Brings a lawsuit (CAMEO 115).</summary>
    Sue,

    /// <summary>Makes a finding or study public (CAMEO has no code of its own; coded as a statement, 010).</summary>
    Report,
}
