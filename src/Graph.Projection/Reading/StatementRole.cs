namespace Graph.Projection.Reading;

/// <summary>The parts an actor can play in someone else's statement.</summary>
public enum StatementRole
{
    /// <summary>Spoken to: the one urged, criticised, sued...</summary>
    Addressee,

    /// <summary>The organisation the speaker spoke for.</summary>
    OnBehalfOf,

    /// <summary>Whom the addressees are urged to follow.</summary>
    Exemplar,

    /// <summary>Who would benefit from what the statement asks or announces.</summary>
    Beneficiary,

    /// <summary>Spoken about without being addressed.</summary>
    Subject,
}
