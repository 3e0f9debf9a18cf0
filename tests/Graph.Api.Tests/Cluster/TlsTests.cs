using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Graph.Testing;

namespace Graph.Api.Tests.Cluster;

/// <summary>A silo and an API node that speak TLS to each other, each presenting the cluster's certificate.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task A_silo_and_an_api_node_with_the_cluster_certificate_work_and_the_silo_refuses_a_peer_without_it()
    {
        using var data = new ScratchDirectory();
        var certificate = data.File("cluster.pfx");
        using (var selfSigned = SelfSigned("CN=stakeholder-graph cluster"))
        {
            await File.WriteAllBytesAsync(certificate, selfSigned.Export(X509ContentType.Pkcs12, "cluster-secret"));
        }

        // One silo and one API node on this machine: localhost membership, the SQLite log the silo writes and the
        // API node reads.
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        string[] tls = [$"--Orleans:TlsCertificatePath={certificate}", "--Orleans:TlsCertificatePassword=cluster-secret"];
        await using var silo = await ServiceProcess.StartAsync(data.Path, [.. tls, "--Graph:Role=silo",
            $"--Orleans:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}", $"--Orleans:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}"]);
        await using var api = await ServiceProcess.StartAsync(data.Path, [.. tls, "--Graph:Role=api", $"--Orleans:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}"]);

        var written = (await api.PostAsync("""
            mutation { recordStatement(input: { kind: CRITICISE, speaker: { name: "Amazon" }, addressees: [{ name: "Microsoft" }],
              summary: "Sent over TLS.", sources: [{ publisher: "Cluster test" }] }) { statement { summary } } }
            """)).Data().At("recordStatement.statement.summary").GetString();
        Assert.Equal("Sent over TLS.", written);

        // A node with another certificate cannot join: the two refuse each other's certificates, and it never gets
        // ready. (The silo logs each refusal; a peer without any certificate is refused the same way.)
        var other = data.File("other.pfx");
        using (var selfSigned = SelfSigned("CN=somebody else"))
        {
            await File.WriteAllBytesAsync(other, selfSigned.Export(X509ContentType.Pkcs12, "other-secret"));
        }

        var joined = await Record.ExceptionAsync(async () =>
        {
            // Stopped again should it get ready after all, so a failing run leaves no process behind.
            await using var stranger = await ServiceProcess.StartAsync(data.Path, TimeSpan.FromSeconds(20),
                [$"--Orleans:TlsCertificatePath={other}", "--Orleans:TlsCertificatePassword=other-secret", "--Graph:Role=api",
                    $"--Orleans:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}"]);
        });
        Assert.IsType<TimeoutException>(joined);
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, "x"), "x");
    }
}
