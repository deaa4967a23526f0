using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Benchmarks;

/// <summary>
/// What the corpora compile against, and the analyzers under measurement.
/// <list type="bullet">
/// <item>framework: the .NET reference assemblies this project builds against (read from corpus-references.txt, which the
/// build writes);</item>
/// <item>Lambda corpus: framework + the real AWSSDK.* / Microsoft.Extensions.* packages + the API-surface stubs of the unserved
/// Amazon.Lambda.* and AWSSDK.* packages (tests/ApiSurface/*.cs, embedded), each compiled into an in-memory assembly named like
/// the real package, in the order their "Requires:" headers give;</item>
/// <item>plain corpus: framework only.</item>
/// </list>
/// </summary>
internal sealed class References
{
    private static readonly Regex MirrorsHeader = new(@"^// Mirrors NuGet package: (?<id>[A-Za-z0-9.]+)", RegexOptions.Multiline);
    private static readonly Regex RequiresHeader = new(@"^// Requires: (?<list>.*)$", RegexOptions.Multiline);

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
        var listing = Path.Combine(AppContext.BaseDirectory, "corpus-references.txt");
        var framework = new List<MetadataReference>();
        var packages = new List<MetadataReference>();
        var netAnalyzers = "";
        foreach (var line in File.ReadAllLines(listing))
        {
            var parts = line.Split('|');
            if (parts.Length != 3)
            {
                continue;
            }

            var (kind, package, path) = (parts[0], parts[1], parts[2]);
            switch (kind)
            {
                case "framework":
                    framework.Add(MetadataReference.CreateFromFile(path));
                    break;
                case "package" when !package.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                                    && !package.Equals("Microsoft.NETCore.App.Ref", StringComparison.Ordinal):
                    packages.Add(MetadataReference.CreateFromFile(path));
                    break;
                case "analyzers":
                    netAnalyzers = path;
                    break;
            }
        }

        if (framework.Count == 0 || packages.Count == 0)
        {
            throw new InvalidOperationException($"{listing} lists no framework or package references; rebuild the benchmark project.");
        }

        var lambda = new List<MetadataReference>(framework);
        lambda.AddRange(packages);
        var stubNames = new List<string>();
        foreach (var (assembly, image) in CompileStubs(lambda))
        {
            lambda.Add(MetadataReference.CreateFromImage(image, filePath: assembly + ".dll"));
            stubNames.Add(assembly);
        }

        return new References(framework.ToImmutableArray(), lambda.ToImmutableArray(), netAnalyzers, stubNames);
    }

    /// <summary>Compiles every embedded stub (dependencies first); returns (assembly name, PE image).</summary>
    private static List<(string Assembly, ImmutableArray<byte> Image)> CompileStubs(IReadOnlyList<MetadataReference> baseReferences)
    {
        var resources = typeof(References).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ApiSurface.", StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var stubs = new Dictionary<string, (string Assembly, string Source, string[] Requires)>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            using var stream = typeof(References).Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var source = reader.ReadToEnd();
            var file = resource["ApiSurface.".Length..];
            var assembly = MirrorsHeader.Match(source) is { Success: true } m ? m.Groups["id"].Value.TrimEnd('.') : Path.GetFileNameWithoutExtension(file);
            var requires = RequiresHeader.Match(source) is { Success: true } r
                ? Regex.Matches(r.Groups["list"].Value, @"[A-Za-z0-9]+\.cs").Select(x => x.Value).ToArray()
                : Array.Empty<string>();
            stubs[file] = (assembly, source, requires);
        }

        var compiled = new Dictionary<string, (string Assembly, ImmutableArray<byte> Image)>(StringComparer.Ordinal);
        var order = new List<(string, ImmutableArray<byte>)>();
        foreach (var file in stubs.Keys)
        {
            Compile(file);
        }

        return order;

        (string Assembly, ImmutableArray<byte> Image) Compile(string file)
        {
            if (compiled.TryGetValue(file, out var done))
            {
                return done;
            }

            var (assembly, source, requires) = stubs[file];
            var references = new List<MetadataReference>(baseReferences);
            foreach (var dependency in requires)
            {
                var (depAssembly, depImage) = Compile(dependency);
                references.Add(MetadataReference.CreateFromImage(depImage, filePath: depAssembly + ".dll"));
            }

            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: file);
            var compilation = CSharpCompilation.Create(
                assembly,
                new[] { tree },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(
                    $"Stub {file} does not compile:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
            }

            var entry = (assembly, ImmutableArray.Create(stream.ToArray()));
            compiled[file] = entry;
            order.Add(entry);
            return entry;
        }
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
