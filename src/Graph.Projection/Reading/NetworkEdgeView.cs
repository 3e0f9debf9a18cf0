using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// One edge of an ego network: a statement from its speaker to an addressee (typed by the statement's kind, e.g.
/// <c>URGED</c>) or to another actor in it (typed by the role's relationship, e.g. <c>CITES_EXEMPLAR</c>), a person's
/// affiliation, or an organisation being part of another.
/// </summary>
/// <param name="TargetRole">For a statement's edge, the part its target plays in the statement.</param>
public sealed record NetworkEdgeView(
    string Id,
    string Type,
    string Source,
    string Target,
    StatementKind? Kind,
    string? StatementId,
    PartialDate? SaidOn,
    string? Role,
    StatementRole? TargetRole = null);
