namespace Graph.Host.SampleData;

public static class SampleDataExtensions
{
    /// <summary>Loads the sample data on first start; after the silo, so the grains are there to take it.</summary>
    public static WebApplicationBuilder AddSampleData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<SampleDataLoader>();
        return builder;
    }
}
