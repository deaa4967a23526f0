using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The one per-compilation context of the package, created by the rule host's <c>CompilationStart</c> and shared by every
/// rule. It lives in a table keyed by the compilation, so a host running one rule (the tests) or another analyzer instance
/// over the same compilation finds the same context:
/// <list type="bullet">
/// <item><see cref="Symbols"/>: the symbol table, every type a rule matches, resolved once;</item>
/// <item><see cref="Settings"/>: the options and the test-code decision, read once per file;</item>
/// <item><see cref="Generated"/>: the generated-code decision for our findings, once per file;</item>
/// <item><see cref="Prefilter"/>: which files mention a rule's words, one pass over each file's text;</item>
/// <item><see cref="Handlers"/>: the handler model (entry points, call graph, reachability), each body walked once;</item>
/// <item><see cref="Bodies"/>: the member bodies and value origins of the types that rules decide whole, once per type;</item>
/// <item><see cref="Arguments"/>: what calls pass to the methods other types call, for the flows that cross types;</item>
/// <item><see cref="Constants"/>: the one definition of a constant string, with its caches;</item>
/// <item><see cref="Deployment"/>: what the deployment files (templates, the tools' defaults) say, each parsed once.</item>
/// </list>
/// Everything is computed lazily: a compilation that no rule applies to (no Lambda or AWS type) pays for a few type
/// lookups only.
/// </summary>
internal sealed class LambdaCompilation
{
    private static readonly ConditionalWeakTable<Compilation, LambdaCompilation> Contexts = new();

    // One per options provider: the driver gives every analyzer of a run the same one; an IDE may bring another later.
    private readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, CodeSettings> _settings = new();
    private readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, CodeSettings>.CreateValueCallback _createSettings;
    private readonly Lazy<HandlerModel> _handlers;
    private readonly ConditionalWeakTable<AnalyzerOptions, Deployment.DeploymentModel> _deployments = new();

    private LambdaCompilation(Compilation compilation)
    {
        Compilation = compilation;
        Symbols = new LambdaSymbols(compilation);
        Prefilter = new TextPrefilter(PresizeFor(compilation));
        Bodies = new TypeBodies();
        Generated = new GeneratedCode(Prefilter);
        _handlers = new Lazy<HandlerModel>(() => new HandlerModel(Symbols), LazyThreadSafetyMode.ExecutionAndPublication);
        _createSettings = options => new CodeSettings(compilation, options, Prefilter);
    }

    public Compilation Compilation { get; }

    /// <summary>Lock stripes of the shared concurrent tables: the driver's concurrency on a workstation, without reading the machine.</summary>
    internal const int TableConcurrency = 8;

    /// <summary>
    /// How many files the per-file and per-member tables are sized for up front, so they rarely grow while a build feeds every
    /// file: the compilation's file count, capped, because an IDE request on a large solution touches only a few.
    /// </summary>
    internal static int PresizeFor(Compilation compilation)
    {
        const int MaxPresizedTrees = 2048;
        var trees = 0;
        foreach (var _ in compilation.SyntaxTrees)
        {
            if (++trees == MaxPresizedTrees)
            {
                break;
            }
        }

        return trees;
    }

    public LambdaSymbols Symbols { get; }

    public TextPrefilter Prefilter { get; }

    public TypeBodies Bodies { get; }

    public GeneratedCode Generated { get; }

    public CrossTypeArguments Arguments { get; } = new();

    public ConstantStrings Constants { get; } = new();

    public HandlerModel Handlers => _handlers.Value;

    public static LambdaCompilation For(Compilation compilation) => Contexts.GetValue(compilation, static c =>
    {
        using var engine = Internals.EngineMeter.Measure(Internals.EngineStep.Context);
        return new LambdaCompilation(c);
    });

    /// <summary>
    /// What the deployment files among <paramref name="options"/>' additional files say (<see cref="Deployment.DeploymentModel"/>),
    /// read once per options object.
    /// </summary>
    public Deployment.DeploymentModel Deployment(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (_deployments.TryGetValue(options, out var known))
        {
            return known;
        }

        using var engine = Internals.EngineMeter.Measure(Internals.EngineStep.Deployment);
        var model = options.AdditionalFiles.IsDefaultOrEmpty ? Model.Deployment.DeploymentModel.Empty : Model.Deployment.DeploymentModel.Create(Compilation, options, cancellationToken);
        return _deployments.GetValue(options, _ => model);
    }

    /// <summary>The settings read from <paramref name="options"/> (a rule passes its <c>context.Options.AnalyzerConfigOptionsProvider</c>).</summary>
    public CodeSettings Settings(AnalyzerConfigOptionsProvider options) => _settings.GetValue(options, _createSettings);
}
