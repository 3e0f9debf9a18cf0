namespace Graph.Host.SampleData;

/// <summary>Whether the sample data is loaded (configuration section <c>Graph</c>).</summary>
public sealed class SampleDataOptions
{
    public const string SectionName = "Graph";

    /// <summary>Loads the sample data on a start with an empty event log.</summary>
    public bool LoadSampleData { get; set; } = true;
}
