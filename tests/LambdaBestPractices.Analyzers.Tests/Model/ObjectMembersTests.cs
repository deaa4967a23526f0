using System.Linq;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The one reader of what an SDK request is given: its initializer's members and the assignments on its local.</summary>
public class ObjectMembersTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Amazon.DynamoDBv2.Model;
        using Amazon.S3.Model;

        public class Writer
        {
            private string _bucket = "b";

            public void M(string key)
            {
                var put = new PutObjectRequest { BucketName = "first", Key = key };
                put.BucketName = "second";
                put.ContentType = "text/plain";
                var other = new PutObjectRequest();
                other.BucketName = "not this one";
                var item = new PutItemRequest { TableName = "t", Item = { ["pk"] = new AttributeValue("x") } };
            }
        }
        """;

    [Fact]
    public async Task TheInitializer_GivesItsMembersInOrder_NestedInitializersAsTheirInitializer()
    {
        var (put, item, _) = await ReadAsync();

        var writes = ObjectMembers.InInitializer(put).ToArray();
        Assert.Equal(new[] { "BucketName", "Key" }, writes.Select(w => w.Member!.Name));
        Assert.All(writes, w => Assert.Equal(MemberWriteKind.Assignment, w.Kind));
        Assert.True(writes[0].AssignsProperty("BucketName"));
        Assert.True(writes[1].AssignsPropertyIn(new[] { "Key", "ObjectKey" }));
        Assert.Equal("first", writes[0].Value!.ConstantValue.Value);

        var nested = ObjectMembers.InInitializer(item).ToArray();
        Assert.Equal(MemberWriteKind.Assignment, nested[0].Kind);
        Assert.Equal(MemberWriteKind.NestedInitializer, nested[1].Kind);
        Assert.Equal("Item", nested[1].Member!.Name);
        Assert.False(nested[1].AssignsProperty("Item"));
        Assert.IsAssignableFrom<IObjectOrCollectionInitializerOperation>(nested[1].Value);
    }

    [Fact]
    public async Task TheLocal_GivesTheAssignmentsOnItsMembers_OnlyItsOwn()
    {
        var (put, _, root) = await ReadAsync();
        var local = ((IVariableDeclaratorOperation)put.Parent!.Parent!).Symbol;

        var writes = ObjectMembers.OnLocal(root, local).ToArray();
        Assert.Equal(new[] { "BucketName", "ContentType" }, writes.Select(w => w.Member!.Name));
        Assert.Equal("second", writes[0].Value!.ConstantValue.Value);
    }

    private static async Task<(IObjectCreationOperation Put, IObjectCreationOperation Item, IOperation Root)> ReadAsync()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.None, OutputKind.DynamicallyLinkedLibrary, ("Writer.cs", Source));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var root = model.GetOperation(method.Body!)!;
        var creations = root.Descendants().OfType<IObjectCreationOperation>().ToArray();
        return (creations.First(c => c.Type!.Name == "PutObjectRequest"), creations.First(c => c.Type!.Name == "PutItemRequest"), root);
    }
}
