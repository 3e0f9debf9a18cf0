using System.Text;
using Graph.Neo4j.Client;

namespace Graph.Neo4j.Tests.Client;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Basic_authentication_sends_the_user_and_password_base64_encoded()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        await harness.Client().RunAsync("RETURN 1");

        Assert.Equal("Basic bmVvNGo6dmVyeXNlY3JldA==", Assert.Single(harness.Fake.Requests).Authorization);
    }

    [Fact]
    public async Task A_bearer_token_is_sent_base64_encoded_as_the_docs_say()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.BearerToken = "xbhkjnlvianztghqwawxqfe";

        await harness.Client(o => (o.User, o.Password, o.BearerToken) = (null, null, "xbhkjnlvianztghqwawxqfe")).RunAsync("RETURN 1");

        var header = Assert.Single(harness.Fake.Requests).Authorization;
        Assert.Equal("Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes("xbhkjnlvianztghqwawxqfe")), header);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_exception_and_is_not_retried()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => harness.Client(o => o.Password = "wrong").RunAsync("RETURN 1"));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task Missing_credentials_are_an_authentication_exception()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => harness.Client(o => (o.User, o.Password) = (null, null)).RunAsync("RETURN 1"));

        Assert.Null(Assert.Single(harness.Fake.Requests).Authorization);
        Assert.Equal("No authentication header supplied.", error.Message);
    }
}
