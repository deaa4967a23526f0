using System.Collections.Immutable;
using System.Reflection;
using LambdaBestPractices.Analyzers.TestReferences;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>
/// What the corpora compile against, and the analyzers under measurement. The references are the tests' own
/// (tests/LambdaBestPractices.Analyzers.TestReferences): one reference set restored by NuGet, one stub compiler.
/// <list type="bullet">
/// <item>framework: the .NET 8 reference assemblies (<see cref="ReferenceSets.Net80"/>);</item>
/// <item>Lambda corpus: framework + the real AWSSDK.* / Microsoft.Extensions.* packages (<see cref="ReferenceSets.Net80WithAws"/>)
/// + the API-surface stubs of the unserved Amazon.Lambda.* and AWSSDK.* packages (<see cref="ApiSurface"/>), each an
/// in-memory assembly named like the real package;</item>
/// <item>plain corpus: framework only.</item>
/// </list>
/// </summary>
internal sealed class References
{
    private References(ImmutableArray<MetadataReference> framework, ImmutableArray<MetadataReference> lambda, string netAnalyzersPackage, IReadOnlyList<string> stubAssemblies)
    {
        Framework = framework;
        Lambda = lambda;
        NetAnalyzersPackage = netAnalyzersPackage;
        StubAssemblies = stubAssemblies;
    }

    public ImmutableArray<MetadataReference> Framework { get; }

    public ImmutableArray<MetadataReference> Lambda { get; }

    public string NetAnalyzersPackage { get; }

    public IReadOnlyList<string> StubAssemblies { get; }

    public static References Load()
    {
        var listing = Path.Combine(AppContext.BaseDirectory, "netanalyzers-path.txt");
        var netAnalyzers = File.Exists(listing) ? File.ReadAllText(listing).Trim() : "";
        if (netAnalyzers.Length == 0)
        {
            throw new InvalidOperationException($"{listing} names no Microsoft.CodeAnalysis.NetAnalyzers package; rebuild the benchmark project.");
        }

        ReferenceSets.EnsureComplete();
        var lambda = ReferenceSets.Net80WithAws.AddRange(ApiSurface.References(Stubs.All));
        return new References(ReferenceSets.Net80, lambda, netAnalyzers, ApiSurface.All.Select(s => s.Assembly).ToList());
    }

    /// <summary>
    /// Every C# analyzer of LambdaBestPractices.Analyzers, found by reflection: each non-abstract <see cref="DiagnosticAnalyzer"/>
    /// with a C# <see cref="DiagnosticAnalyzerAttribute"/>. New rules are measured without editing the benchmark.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers()
    {
        var assembly = Assembly.Load("LambdaBestPractices.Analyzers");
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                        && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>The C# analyzers of the restored Microsoft.CodeAnalysis.NetAnalyzers package (analyzers/dotnet/cs/*.dll).</summary>
    public ImmutableArray<DiagnosticAnalyzer> NetAnalyzers()
    {
        var folder = Path.Combine(NetAnalyzersPackage, "analyzers", "dotnet", "cs");
        var loader = new DefaultLoader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            loader.AddDependencyLocation(dll);
        }

        foreach (var dll in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) => throw new InvalidOperationException($"Loading {dll} failed: {e.Message}", e.Exception);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return analyzers.ToImmutable();
    }

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

        public DefaultLoader()
        {
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is { } simple && _byName.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
        }

        public void AddDependencyLocation(string fullPath) => _byName[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

        public Assembly LoadFromPath(string fullPath) =>
            System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
