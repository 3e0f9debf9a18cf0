using Graph.Api;
using Graph.Host.Hosting;
using Graph.Host.SampleData;

var builder = WebApplication.CreateBuilder(args);
builder.AddGraphStorage();
builder.AddGraphSilo();
builder.AddGraphApi();
builder.AddSampleData();

var app = builder.Build();
app.MapGraphApi();
app.MapGraphHealth();
app.Run();

/// <summary>The service's entry point; public so end-to-end tests can host it.</summary>
public partial class Program;
