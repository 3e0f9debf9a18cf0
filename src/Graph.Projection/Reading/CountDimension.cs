namespace Graph.Projection.Reading;

/// <summary>What statements can be counted by.</summary>
public enum CountDimension
{
    /// <summary>By kind; the key is the kind's name, e.g. <c>APPEAL</c>.</summary>
    Kind,

    /// <summary>By speaker; the key is the actor's id.</summary>
    Speaker,

    /// <summary>By addressee, a statement counting once for each; the key is the actor's id.</summary>
    Addressee,

    /// <summary>By topic, a statement counting once for each; the key is the topic's id.</summary>
    Topic,

    /// <summary>By the month said, for statements dated to a month or a day; the key is <c>yyyy-MM</c>.</summary>
    Month,

    /// <summary>By the organisation spoken for; the key is its id.</summary>
    OnBehalfOf,

    /// <summary>By exemplar, a statement counting once for each; the key is the actor's id.</summary>
    Exemplar,

    /// <summary>By beneficiary, a statement counting once for each; the key is the actor's id.</summary>
    Beneficiary,

    /// <summary>By subject, a statement counting once for each; the key is the actor's id.</summary>
    Subject,
}
