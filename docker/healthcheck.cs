// The container's health check: exits 0 when the service's readiness endpoint answers 2xx, 1 otherwise.
// The aspnet image has neither curl nor wget, and this needs no shell either: HEALTHCHECK runs it with dotnet.
// Usage: dotnet healthcheck.dll [URL]   (default http://localhost:8080/health/ready)
#:property PublishAot=false

var url = new Uri(args.Length > 0 ? args[0] : "http://localhost:8080/health/ready");
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
try
{
    using var response = await client.GetAsync(url);
    Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
{
    Console.WriteLine(e.Message);
    return 1;
}
