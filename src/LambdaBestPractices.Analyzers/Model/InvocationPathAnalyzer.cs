using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Base of the rules that report code on a handler's invocation path. It wires a rule to the shared <see cref="HandlerModel"/>:
/// <list type="number">
/// <item>compilation start: bail out, registering nothing, unless the compilation is a Lambda project the rule applies to;</item>
/// <item>per type (symbol start): feed the model with every member body and let the rule collect candidate sites;</item>
/// <item>type end: report the sites reachable from a handler of the same type (live in the IDE, document analysis);</item>
/// <item>compilation end: report the remaining sites that a handler in another type or file reaches.</item>
/// </list>
/// </summary>
public abstract class InvocationPathAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>The rule's own bail-out, beyond "is a Lambda project".</summary>
    private protected virtual bool AppliesTo(LambdaSymbols symbols) => true;

    /// <summary>Registers the rule's operation actions for one type; each candidate goes to <paramref name="report"/>.</summary>
    private protected abstract void RegisterSiteActions(SymbolStartAnalysisContext context, LambdaSymbols symbols, Action<PathSite> report);

    /// <summary>Whether a site reached by handlers of these sources is reported (LBP202 narrows to at-least-once sources).</summary>
    private protected virtual bool ShouldReport(EventSources reachingSources) => true;

    private protected abstract DiagnosticDescriptor LiveDescriptor { get; }

    private protected abstract DiagnosticDescriptor CrossTypeDescriptor { get; }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = LambdaSymbols.For(context.Compilation);
        if (!symbols.IsLambdaProject || !AppliesTo(symbols))
        {
            return;
        }

        var model = HandlerModel.For(symbols);
        var deferred = new ConcurrentQueue<PathSite>();
        Action<OperationBlockAnalysisContext> feed = model.Feed;

        context.RegisterSymbolStartAction(
            typeContext =>
            {
                var type = (INamedTypeSymbol)typeContext.Symbol;
                var sites = new TypeSites();
                typeContext.RegisterOperationBlockAction(feed);
                RegisterSiteActions(typeContext, symbols, sites.Add);
                typeContext.RegisterSymbolEndAction(
                    endContext =>
                    {
                        if (sites.Sites.IsEmpty)
                        {
                            return;
                        }

                        var reach = model.WithinType(type);
                        foreach (var site in sites.Sites.Items)
                        {
                            var sources = reach.SourcesReaching(site.Function);
                            if (sources != EventSources.None && ShouldReport(sources))
                            {
                                endContext.ReportDiagnostic(CreateDiagnostic(LiveDescriptor, site, sources));
                            }
                            else
                            {
                                deferred.Enqueue(site);
                            }
                        }
                    });
            },
            SymbolKind.NamedType);

        context.RegisterCompilationEndAction(
            endContext =>
            {
                if (deferred.IsEmpty)
                {
                    return;
                }

                var reach = model.Global();
                foreach (var site in deferred)
                {
                    var sources = reach.SourcesReaching(site.Function);
                    if (sources != EventSources.None && ShouldReport(sources))
                    {
                        endContext.ReportDiagnostic(CreateDiagnostic(CrossTypeDescriptor, site, sources));
                    }
                }
            });
    }

    /// <summary>The candidate sites of one type (most have none: the queue is created with the first).</summary>
    private sealed class TypeSites
    {
        private readonly Internals.LazyQueue<PathSite> _sites = new();

        public Internals.LazyQueue<PathSite> Sites => _sites;

        public void Add(PathSite site)
        {
            // Static initializers and static constructors run once per execution environment: no handler reaches them.
            if (site.Function.Symbol is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } or IMethodSymbol { MethodKind: MethodKind.StaticConstructor })
            {
                return;
            }

            _sites.Add(site);
        }
    }

    /// <summary>The diagnostic for a reached site; <paramref name="sources"/> says which handlers' event sources reach it.</summary>
    private protected virtual Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, PathSite site, EventSources sources) =>
        Diagnostic.Create(descriptor, site.Location, site.Properties, site.MessageArguments.IsDefault ? null : System.Linq.ImmutableArrayExtensions.ToArray(site.MessageArguments));
}
