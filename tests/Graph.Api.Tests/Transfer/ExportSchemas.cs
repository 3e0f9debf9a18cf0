using System.Xml;
using System.Xml.Schema;
using Graph.Testing;

namespace Graph.Api.Tests.Transfer;

/// <summary>Validation against the published GraphML and GEXF 1.3 schemas, kept beside these tests.</summary>
public static class ExportSchemas
{
    /// <summary>Validates against the GEXF 1.3 XSD.</summary>
    public static void ValidateGexf(string xml) => Validate(xml, ("http://gexf.net/1.3", Path.Combine("gexf-1.3", "gexf.xsd")));

    /// <summary>Validates against the GraphML XSD, its identity constraints included (edge ends and data keys exist).</summary>
    public static void ValidateGraphML(string xml) =>
        Validate(xml, ("http://www.w3.org/1999/xlink", "xlink.xsd"), ("http://graphml.graphdrawing.org/xmlns", "graphml.xsd"));

    private static void Validate(string xml, params (string Namespace, string File)[] schemas)
    {
        var folder = Path.Combine(Repository.Root, "tests", "Graph.Api.Tests", "Transfer", "Schemas");
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.Schemas.XmlResolver = new XmlUrlResolver();
        foreach (var (ns, file) in schemas)
        {
            settings.Schemas.Add(ns, Path.Combine(folder, file));
        }

        var problems = new List<string>();
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(10)));
    }
}
