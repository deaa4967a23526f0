using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LambdaBestPractices.Analyzers.Tests.Verifiers;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

/// <summary>
/// Issue 14: every test compiles against a reference set restored by `dotnet restore` (tests/ReferenceSet.Net80), checked
/// once before any test (<see cref="ReferenceSetTestFramework"/>); nothing is downloaded while tests run.
/// </summary>
public class ReferenceSetTests
{
    /// <summary>The check <see cref="ReferenceSetTestFramework"/> runs alone when the set is incomplete.</summary>
    [Fact]
    public void TheRestoredReferenceSetIsComplete()
    {
        var problems = ReferenceSets.Problems;
        Assert.True(problems.Count == 0, ReferenceSets.Describe(problems));
        Assert.Contains(ReferenceSets.Entries, e => e.Kind == ReferenceSetEntry.Framework && Path.GetFileName(e.Path) == "System.Runtime.dll");
        Assert.True(ReferenceSets.Net80WithAws.Length > ReferenceSets.Net80.Length);
    }

    [Fact]
    public void EveryPackageIsAtItsVersionInDirectoryPackagesProps()
    {
        var props = XDocument.Load(Path.Combine(AnalyzerCatalog.RepositoryRoot, "Directory.Packages.props"));
        var central = props.Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var expected = ReferenceSets.Entries.Where(e => e.Kind == ReferenceSetEntry.Expect).Select(e => e.Name).ToList();
        Assert.NotEmpty(expected);
        foreach (var id in expected)
        {
            Assert.True(central.ContainsKey(id), $"{id} has no PackageVersion in Directory.Packages.props");
            var restored = ReferenceSets.Entries.Where(e => e.Kind == ReferenceSetEntry.Package && e.Name.Equals(id, StringComparison.OrdinalIgnoreCase)).Select(e => e.Version).Distinct();
            Assert.Equal(new[] { central[id] }, restored);
        }
    }

    [Fact]
    public void TheSetHasTheFrameworkTheAwsSdkAndMicrosoftExtensions()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: ReferenceSets.Net80WithAws);
        foreach (var type in new[]
        {
            "System.Object", "System.Net.Http.HttpClient", "Amazon.S3.AmazonS3Client", "Amazon.DynamoDBv2.AmazonDynamoDBClient",
            "Amazon.SQS.AmazonSQSClient", "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient",
            "Amazon.KeyManagementService.AmazonKeyManagementServiceClient", "Microsoft.Extensions.DependencyInjection.IServiceCollection",
            "Microsoft.Extensions.Configuration.IConfiguration", "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions",
        })
        {
            Assert.True(compilation.GetTypeByMetadataName(type) is not null, $"{type} is not in the reference set");
        }

        Assert.Null(Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: ReferenceSets.Net80).GetTypeByMetadataName("Amazon.S3.AmazonS3Client"));
    }

    [Fact]
    public void Except_LeavesOutOnlyTheNamedPackage()
    {
        var without = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: ReferenceSets.Net80WithAwsExcept("AWSSDK.SimpleSystemsManagement"));
        Assert.Null(without.GetTypeByMetadataName("Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient"));
        Assert.NotNull(without.GetTypeByMetadataName("Amazon.KeyManagementService.AmazonKeyManagementServiceClient"));
        Assert.Same(ReferenceSets.Net80WithAwsExcept("AWSSDK.SimpleSystemsManagement").Single(r => r.Display!.EndsWith("AWSSDK.Core.dll", StringComparison.Ordinal)),
            ReferenceSets.Net80WithAws.Single(r => r.Display!.EndsWith("AWSSDK.Core.dll", StringComparison.Ordinal)));
        Assert.Throws<ArgumentException>(() => ReferenceSets.Net80WithAwsExcept("AWSSDK.NotInTheSet"));
    }

    [Fact]
    public void Check_NamesAMissingAssemblyAndSaysHowToRestore()
    {
        var runtime = ReferenceSets.Entries.First(e => Path.GetFileName(e.Path) == "System.Runtime.dll");
        var missing = Path.Combine(Path.GetTempPath(), "no-such-package", "4.1.0", "lib", "net8.0", "AWSSDK.S3.dll");
        var problems = ReferenceSets.Check(new[]
        {
            $"framework|Microsoft.NETCore.App|{runtime.Version}|{runtime.Path}",
            $"package|AWSSDK.S3|4.1.0|{missing}",
            "expect|AWSSDK.S3||",
        });

        var problem = Assert.Single(problems);
        Assert.Contains("AWSSDK.S3.dll (package AWSSDK.S3 4.1.0) is missing", problem, StringComparison.Ordinal);
        Assert.Contains(missing, problem, StringComparison.Ordinal);
        Assert.Contains($"delete the folder {Path.Combine(Path.GetTempPath(), "no-such-package", "4.1.0")} before restoring", problem, StringComparison.Ordinal);
        Assert.Contains("dotnet restore Analyzers.sln", ReferenceSets.Describe(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NamesAnUnreadableAssembly()
    {
        var runtime = ReferenceSets.Entries.First(e => Path.GetFileName(e.Path) == "System.Runtime.dll");
        var broken = Path.Combine(Path.GetTempPath(), $"lbp-half-extracted-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(broken, new byte[] { 0x4D, 0x5A, 0, 0 });
        try
        {
            var problem = Assert.Single(ReferenceSets.Check(new[]
            {
                $"framework|Microsoft.NETCore.App|{runtime.Version}|{runtime.Path}",
                $"package|AWSSDK.Core|4.1.0|{broken}",
            }));
            Assert.Contains("(package AWSSDK.Core 4.1.0) cannot be read", problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Check_NamesAPackageWithoutAssemblyAndAnEmptyList()
    {
        var runtime = ReferenceSets.Entries.First(e => Path.GetFileName(e.Path) == "System.Runtime.dll");
        var problem = Assert.Single(ReferenceSets.Check(new[] { $"framework|Microsoft.NETCore.App|{runtime.Version}|{runtime.Path}", "expect|AWSSDK.SQS||" }));
        Assert.Contains("package AWSSDK.SQS", problem, StringComparison.Ordinal);

        Assert.Contains("lists nothing", Assert.Single(ReferenceSets.Check(Array.Empty<string>())), StringComparison.Ordinal);
        Assert.Contains(".NET 8 reference pack", Assert.Single(ReferenceSets.Check(new[] { "expect|AWSSDK.SQS||", $"package|AWSSDK.SQS|4.0.100.25|{runtime.Path}" })), StringComparison.Ordinal);
    }

    /// <summary>The verifiers hand Microsoft.CodeAnalysis.Testing nothing it would download.</summary>
    [Fact]
    public void TheVerifiersResolveNoPackage()
    {
        var analyzer = new CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule>.Test();
        var fix = new CSharpCodeFixVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule, LambdaBestPractices.Analyzers.CodeFixes.LBP101CreateClientsOnceCodeFixProvider>.Test();
        foreach (var assemblies in new[] { analyzer.ReferenceAssemblies, fix.ReferenceAssemblies })
        {
            Assert.Null(assemblies.ReferenceAssemblyPackage);
            Assert.Empty(assemblies.Packages);
            Assert.Empty(assemblies.Assemblies);
        }
    }

    /// <summary>No test resolves packages on its own: the only way to a reference set is <see cref="ReferenceSets"/>.</summary>
    [Fact]
    public void NoTestResolvesPackagesAtRunTime()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(AnalyzerCatalog.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(AnalyzerCatalog.RepositoryRoot, "bench"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith(nameof(ReferenceSetTests) + ".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text
                        && (text.Contains(".ResolveAsync(", StringComparison.Ordinal) || text.Contains("new PackageIdentity(", StringComparison.Ordinal)
                            || text.Contains("ReferenceAssemblies.Net.", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(AnalyzerCatalog.RepositoryRoot, f))
            .ToList();
        Assert.True(offenders.Count == 0, "Resolve references through ReferenceSets, not at run time: " + string.Join(", ", offenders));
    }
}
