namespace Graph.Projection.Model;

/// <summary>
/// The closed set of property keys of the graph model: every store writes and every query reads these names, so a
/// typo does not compile. The README's graph model lists them for people who write Cypher against Neo4j.
/// </summary>
public static class PropertyKeys
{
    /// <summary>Every node's id, unique per label.</summary>
    public const string Id = "id";

    /// <summary>The log position of the newest event a node shows; a node never takes an older change.</summary>
    public const string Version = "version";

    /// <summary>An actor's or a topic's name.</summary>
    public const string Name = "name";

    public const string Aliases = "aliases";

    /// <summary>The name folded for look-ups (<c>ActorNames.Normalise</c>).</summary>
    public const string NormalisedName = "normalisedName";

    public const string NormalisedAliases = "normalisedAliases";

    /// <summary>An organisation's kind (<c>COMPANY</c>), a statement's kind (<c>APPEAL</c>), on the derived edges too.</summary>
    public const string Kind = "kind";

    /// <summary>An organisation's ids elsewhere, each <c>scheme:value</c>.</summary>
    public const string ExternalIds = "externalIds";

    public const string CameoCode = "cameoCode";

    public const string Quote = "quote";

    public const string Summary = "summary";

    /// <summary>A statement's partial date as written: <c>2020</c>, <c>2020-06</c> or <c>2020-06-10</c>.</summary>
    public const string SaidOn = "saidOn";

    /// <summary><c>YEAR</c>, <c>MONTH</c> or <c>DAY</c>.</summary>
    public const string SaidOnPrecision = "saidOnPrecision";

    /// <summary>The first day <see cref="SaidOn"/> may mean, <c>yyyy-MM-dd</c>, so dates compare as strings.</summary>
    public const string SaidOnStart = "saidOnStart";

    /// <summary>The last day <see cref="SaidOn"/> may mean, <c>yyyy-MM-dd</c>.</summary>
    public const string SaidOnEnd = "saidOnEnd";

    /// <summary>When a statement was recorded, ISO 8601 in UTC.</summary>
    public const string RecordedAt = "recordedAt";

    public const string Confidence = "confidence";

    /// <summary>Whether a statement was retracted; false, never missing.</summary>
    public const string Retracted = "retracted";

    public const string RetractionReason = "retractionReason";

    public const string RetractedAt = "retractedAt";

    public const string Url = "url";

    public const string Title = "title";

    public const string Publisher = "publisher";

    public const string PublishedOn = "publishedOn";

    /// <summary>The place of a role among its kind, on a statement's relationships.</summary>
    public const string Ordinal = "ordinal";

    public const string QuoteStart = "quoteStart";

    public const string QuoteEnd = "quoteEnd";

    /// <summary>The statement a derived speaker-to-addressee edge comes from.</summary>
    public const string StatementId = "statementId";

    /// <summary>Tells apart relationships of one type between the same two nodes.</summary>
    public const string Key = "key";

    /// <summary>A person's role in an affiliation.</summary>
    public const string Role = "role";

    /// <summary>When an affiliation began, a partial date.</summary>
    public const string From = "from";

    /// <summary>When an affiliation ended, a partial date.</summary>
    public const string To = "to";

    /// <summary>The log position of the projection's checkpoint node.</summary>
    public const string Position = "position";

    /// <summary>Set and removed at once on the checkpoint node, to take its write lock before its position is read.</summary>
    public const string Locked = "locked";

    /// <summary>Who holds the projection's lease: the process that alone writes the graph until it expires.</summary>
    public const string Holder = "holder";

    /// <summary>When the projection's lease expires, in the database's clock, unless its holder renews it.</summary>
    public const string Expires = "expires";
}
