using Graph.Testing;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser;
using GraphQLParser.Visitors;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class SchemaContractTests(GraphServiceFactory service)
{
    [Fact]
    public async Task The_served_schema_is_exactly_the_contract_in_schema_graphql()
    {
        var contract = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "schema.graphql"));
        var served = service.Services.GetRequiredService<ISchema>().Print(new PrintOptions { IncludeDescriptions = true });

        Assert.Equal(await CanonicalAsync(contract), await CanonicalAsync(served));
    }

    [Fact]
    public async Task Every_type_field_and_argument_of_the_contract_is_described()
    {
        var contract = Parser.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "schema.graphql")));
        var missing = new List<string>();
        foreach (var definition in contract.Definitions.OfType<GraphQLParser.AST.GraphQLTypeDefinition>())
        {
            var typeName = definition.Name.StringValue;
            if (definition.Description is null && typeName is not "Query" and not "Mutation")
            {
                missing.Add(typeName);
            }

            var fields = definition switch
            {
                GraphQLParser.AST.GraphQLObjectTypeDefinition o => o.Fields?.Items.Select(f => (f.Name.StringValue, f.Description, f.Arguments?.Items)),
                GraphQLParser.AST.GraphQLInterfaceTypeDefinition i => i.Fields?.Items.Select(f => (f.Name.StringValue, f.Description, f.Arguments?.Items)),
                GraphQLParser.AST.GraphQLInputObjectTypeDefinition n => n.Fields?.Items.Select(f => (f.Name.StringValue, f.Description, (List<GraphQLParser.AST.GraphQLInputValueDefinition>?)null)),
                GraphQLParser.AST.GraphQLEnumTypeDefinition e => e.Values?.Items.Select(v => (v.Name.StringValue, v.Description, (List<GraphQLParser.AST.GraphQLInputValueDefinition>?)null)),
                _ => null,
            };
            foreach (var (field, description, arguments) in fields ?? [])
            {
                if (description is null)
                {
                    missing.Add($"{typeName}.{field}");
                }

                missing.AddRange((arguments ?? []).Where(a => a.Description is null).Select(a => $"{typeName}.{field}({a.Name.StringValue})"));
            }
        }

        Assert.Empty(missing);
    }

    private static async Task<string> CanonicalAsync(string sdl)
    {
        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.All });
        SDLSorter.Sort(document, SDLSorterOptions.Default);
        var writer = new StringWriter();
        await new SDLPrinter(new SDLPrinterOptions { PrintComments = false, PrintDescriptions = true }).PrintAsync(document, writer);
        return writer.ToString().Trim();
    }
}
