using Xunit;

namespace Graph.Testing;

/// <summary>
/// For tests that need a tool or a service this machine may lack: they skip, saying what to install, except under
/// <c>REQUIRE_ALL_SUITES=1</c> (as in CI), where a missing tool fails the test instead.
/// </summary>
public static class Requirements
{
    public static bool AllSuitesRequired => Environment.GetEnvironmentVariable("REQUIRE_ALL_SUITES") == "1";

    /// <summary>Skips (or, when every suite is required, fails) unless <paramref name="available"/>.</summary>
    /// <param name="whatToInstall">What is missing and how to get it, for the skip message.</param>
    public static void Require(bool available, string whatToInstall)
    {
        if (available)
        {
            return;
        }

        if (AllSuitesRequired)
        {
            Assert.Fail($"REQUIRE_ALL_SUITES=1 and this suite's requirement is missing: {whatToInstall}");
        }

        Skip.If(true, whatToInstall);
    }
}
