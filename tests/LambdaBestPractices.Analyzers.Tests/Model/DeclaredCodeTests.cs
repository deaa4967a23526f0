using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// Test doubles, not shipped analyzers: no release tracking, and the test project is not an analyzer project.
#pragma warning disable RS1036, RS2008

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// <see cref="DeclaredCode"/>: the types the host registers nothing for (no operation can exist in them), and every shape
/// of code that keeps a type registered, so that no rule loses a finding to the shortcut.
/// </summary>
public class DeclaredCodeTests
{
    private const string Types = """
        using System;
        using System.Threading.Tasks;

        public enum Status { Pending, Done = 2 }
        [Flags] public enum Flagged { A = 1 }
        public enum MemberAttribute { [Obsolete("old")] Old, New }
        public interface IOrders { Task SaveAsync(string id); string Name { get; } event EventHandler Changed; }
        public interface IWithDefault { string Name => "orders"; }
        public interface IWithStatic { static string Prefix() => "p"; }
        public interface IWithOptional { Task SaveAsync(string id, int retries = 3); }
        [Obsolete] public interface IAttributed { }
        public interface IWithParameterAttribute { Task SaveAsync([System.ComponentModel.Description("id")] string id); }
        public interface IWithReturnAttribute { [return: System.ComponentModel.Description("name")] string Name(); }
        public interface IWithTypeParameterAttribute { T Load<[System.ComponentModel.Description("t")] T>(); }
        public interface IWithIndexerDefault { string this[int index, int offset = 0] { get; } }
        public interface IWithNested { public sealed class Inner { } }
        public sealed record Line(string Sku, int Quantity);
        public sealed record Empty;
        public sealed record WithDefault(string Sku, int Quantity = 1);
        public sealed record WithParameterAttribute([property: Obsolete] string Sku);
        public record Base(string Id);
        public sealed record Derived(string Id) : Base(Id);
        public sealed record WithBody(string Sku) { public string Upper => Sku.ToUpperInvariant(); }
        public sealed class Holder(string name);
        public class Service { public int Count() => 1; }
        public class AutoProperties { public string Name { get; set; } = ""; }
        public class OnlyAutoProperties { public string? Name { get; set; } }
        public struct Point { public int X; }
        public delegate void Handler(string input);
        public static class Outer { public sealed class Inner { public void M() { } } }
        """;

    [Theory]
    [InlineData("Status", false)]
    [InlineData("Flagged", true)]
    [InlineData("MemberAttribute", true)]
    [InlineData("IOrders", false)]
    [InlineData("IWithDefault", true)]
    [InlineData("IWithStatic", true)]
    [InlineData("IWithOptional", true)]
    [InlineData("IAttributed", true)]
    [InlineData("IWithParameterAttribute", true)]
    [InlineData("IWithReturnAttribute", true)]
    [InlineData("IWithTypeParameterAttribute", true)]
    [InlineData("IWithIndexerDefault", true)]
    [InlineData("IWithNested", true)]
    [InlineData("IWithNested+Inner", false)]
    [InlineData("Line", false)]
    [InlineData("Empty", false)]
    [InlineData("WithDefault", true)]
    [InlineData("WithParameterAttribute", true)]
    [InlineData("Derived", true)]
    [InlineData("WithBody", true)]
    [InlineData("Holder", false)]
    [InlineData("Service", true)]
    [InlineData("AutoProperties", true)]
    [InlineData("Point", true)]
    [InlineData("Handler", true)]
    [InlineData("Outer", true)]
    [InlineData("Outer+Inner", true)]
    public async Task MayHaveOperations_AnswersNoOnlyWhereNoCodeIsDeclared(string typeName, bool expected)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Types.cs", Types));
        var type = compilation.GetTypeByMetadataName(typeName) ?? throw new InvalidOperationException(typeName + " not found");

        Assert.Equal(expected, DeclaredCode.MayHaveOperations(type, CancellationToken.None));
    }

    /// <summary>
    /// A class with only auto-properties has members, so it is registered: the test reads no further than the member
    /// count for a class or struct with members (answering "yes" is always safe).
    /// </summary>
    [Fact]
    public async Task MayHaveOperations_AClassWithMembers_IsRegisteredWithoutLookingFurther()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Types.cs", Types));

        Assert.True(DeclaredCode.MayHaveOperations(compilation.GetTypeByMetadataName("OnlyAutoProperties")!, CancellationToken.None));
    }

    /// <summary>Top-level statements: the synthesized Program is declared by the compilation unit, and has code.</summary>
    [Fact]
    public async Task MayHaveOperations_TopLevelProgram_IsRegistered()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.ConsoleApplication, ("Program.cs", "System.Console.WriteLine(\"hi\");"));
        var program = compilation.GetEntryPoint(CancellationToken.None)!.ContainingType;

        Assert.True(DeclaredCode.MayHaveOperations(program, CancellationToken.None));
    }

    /// <summary>A partial type whose other part has the members is registered.</summary>
    [Fact]
    public async Task MayHaveOperations_PartialType_AnyPartWithCodeCounts()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(
            Stubs.All,
            OutputKind.DynamicallyLinkedLibrary,
            ("A.cs", "public partial record Order(string Id);"),
            ("B.cs", "public partial record Order { public string Key() => Id; }"));

        Assert.True(DeclaredCode.MayHaveOperations(compilation.GetTypeByMetadataName("Order")!, CancellationToken.None));
    }

    /// <summary>The host hands the rules no type start for the types without code; the class with code gets one.</summary>
    [Fact]
    public async Task TheHost_StartsNoTypeWithoutCode()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public enum Status { Pending, Done }
            public interface IStore { Task SaveAsync(string id); }
            public sealed record Line(string Sku, int Quantity);

            public class Function
            {
                public Task Handle(string input, ILambdaContext context) => new AmazonS3Client().ListBucketsAsync();
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", source));
        var counting = new TypeStartCountingRule();
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CountingHost(counting)))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(diagnostics, d => d.Id == "LBP101");
        Assert.Equal(new[] { "Function" }, counting.Started.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>Code in an interface's default member is still analyzed (the interface is registered, unlike an abstract one).</summary>
    [Fact]
    public async Task Findings_InInterfaceDefaultMembers_AreStillReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Amazon.S3.Model;

            public interface IArchive
            {
                Task ArchiveAsync(IAmazonS3 s3) => s3.PutObjectAsync(new PutObjectRequest { BucketName = "orders-archive-bucket", Key = "k" });
            }

            public class Function : IArchive
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task Handle(string input, ILambdaContext context) => ((IArchive)this).ArchiveAsync(_s3);
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", source));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LambdaBestPracticesAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(diagnostics, d => d.Id == "LBP401" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("orders-archive-bucket", StringComparison.Ordinal));
    }

    /// <summary>
    /// An attribute's arguments on an abstract interface member's parameter are operations the driver hands to the
    /// interface's start: an access key there is still reported.
    /// </summary>
    [Fact]
    public async Task Findings_InAttributesOfAbstractInterfaceMembers_AreStillReported()
    {
        const string source = """
            using System.ComponentModel;
            using System.Threading.Tasks;

            public interface IKeys
            {
                Task PutAsync([Description("AKIAIOSFODNN7EXAMPLE")] string key);
            }

            public class Function
            {
                public Task Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => Task.CompletedTask;
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", source));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LambdaBestPracticesAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(diagnostics, d => d.Id == "LBP302");
    }

    /// <summary>Records the types the host starts.</summary>
    private sealed class TypeStartCountingRule : LambdaRule
    {
        private static readonly DiagnosticDescriptor Never = new("TEST02", "Never", "Never", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public System.Collections.Concurrent.ConcurrentBag<string> Started { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        internal override bool AppliesTo(LambdaSymbols symbols) => true;

        internal override void Start(RuleStart context, LambdaCompilation compilation) =>
            context.RegisterTypeStartAction(type => Started.Add(type.Type.Name));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CountingHost : RuleHostAnalyzer
    {
        public CountingHost(TypeStartCountingRule rule)
            : base(rule, new LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule())
        {
        }
    }
}
