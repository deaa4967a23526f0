using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A place a path rule reports if a handler reaches it: where it is, and its diagnostic once the reaching handlers are known.</summary>
internal abstract class RuleSite
{
    protected RuleSite(FunctionKey function, Location location)
    {
        Function = function;
        Location = location;
    }

    /// <summary>The function (member, lambda, local function) the site is in.</summary>
    public FunctionKey Function { get; }

    public Location Location { get; }

    /// <summary>The diagnostic when handlers of <paramref name="reachingSources"/> reach the site, or null when that is no violation.</summary>
    public abstract Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources);
}

/// <summary>
/// The sites one rule finds in one type: added as the rule's operation actions find them, or decided at the type's end over
/// the whole type (<see cref="DecideAtTypeEnd"/>). Most types have none, so nothing is allocated until the first.
/// </summary>
internal sealed class TypeSites
{
    private readonly LazyQueue<RuleSite> _sites = new();
    private Action<CancellationToken>? _atTypeEnd;

    public bool IsEmpty => _sites.IsEmpty;

    public System.Collections.Generic.IEnumerable<RuleSite> Items => _sites.Items;

    public void Add(RuleSite site)
    {
        // Static initializers and static constructors run once per execution environment: no handler reaches them.
        if (site.Function.Symbol is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } or IMethodSymbol { MethodKind: MethodKind.StaticConstructor })
        {
            return;
        }

        _sites.Add(site);
    }

    /// <summary>Runs <paramref name="decide"/> at the type's symbol end, before reachability is asked; it adds the sites it finds.</summary>
    public void DecideAtTypeEnd(Action<CancellationToken> decide) => _atTypeEnd = decide;

    internal void RunTypeEnd(CancellationToken cancellationToken) => _atTypeEnd?.Invoke(cancellationToken);
}

/// <summary>
/// The one base of the rules that report code on a handler's invocation path (LBP101, LBP201, LBP202, LBP204). It wires a
/// rule to the shared <see cref="HandlerModel"/>:
/// <list type="number">
/// <item>compilation start: bail out, registering nothing, unless the compilation is a Lambda project the rule applies to;</item>
/// <item>per type: the host feeds the model with every member body (once for all path rules), and the rule registers its
/// actions, which add sites as they find them or decide them at the type's end over the whole type
/// (<see cref="WholeTypeSites"/>);</item>
/// <item>type end: report the sites reachable from a handler of the same type (live in the IDE, document analysis);</item>
/// <item>compilation end: report the remaining sites that a handler in another type or file reaches.</item>
/// </list>
/// </summary>
public abstract class PathRule : LambdaRule
{
    private protected abstract DiagnosticDescriptor LiveDescriptor { get; }

    private protected abstract DiagnosticDescriptor CrossTypeDescriptor { get; }

    /// <summary>Only where an entry point can exist, and the rule's own condition holds.</summary>
    internal sealed override bool AppliesTo(LambdaSymbols symbols) => symbols.IsLambdaProject && RuleAppliesTo(symbols);

    /// <summary>The rule's own bail-out, beyond "is a Lambda project" (a type the rule needs is missing).</summary>
    private protected virtual bool RuleAppliesTo(LambdaSymbols symbols) => true;

    /// <summary>Members the invocation path does not cross (LBP202: methods marked <c>[Idempotent]</c>), or null.</summary>
    private protected virtual Func<FunctionKey, bool>? Barrier(LambdaSymbols symbols) => null;

    /// <summary>
    /// Registers the rule's actions for one type; they add its sites to <paramref name="sites"/>. False when the type can
    /// have none (a text prefilter said so): then nothing is decided at its end.
    /// </summary>
    private protected abstract bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites);

    /// <summary>The diagnostic for a site reached by handlers of <paramref name="sources"/>, or null (the site waits for compilation end).</summary>
    private protected virtual Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, EventSources sources) =>
        site.CreateDiagnostic(descriptor, sources);

    /// <summary>
    /// At compilation end, the diagnostic for a site no handler of its own type reached, with the whole compilation's
    /// reachability (a rule whose site depends on what other types pass overrides it).
    /// </summary>
    private protected virtual Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach) =>
        CreateDiagnostic(descriptor, site, reach.SourcesReaching(site.Function));

    internal sealed override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var model = compilation.Handlers;
        var barrier = Barrier(symbols);
        var deferred = new ConcurrentQueue<RuleSite>();
        context.FeedHandlerModel();

        context.RegisterTypeStartAction(typeContext =>
        {
            var type = typeContext.Type;
            var sites = new TypeSites();
            if (!RegisterSiteActions(typeContext, symbols, sites))
            {
                return;
            }

            typeContext.RegisterSymbolEndAction(endContext =>
            {
                sites.RunTypeEnd(endContext.CancellationToken);
                if (sites.IsEmpty)
                {
                    return;
                }

                var reach = barrier is null ? model.WithinType(type) : model.WithinType(type, barrier);
                foreach (var site in sites.Items)
                {
                    if (CreateDiagnostic(LiveDescriptor, site, reach.SourcesReaching(site.Function)) is { } diagnostic)
                    {
                        endContext.ReportOutsideGeneratedCode(diagnostic);
                    }
                    else
                    {
                        deferred.Enqueue(site);
                    }
                }
            });
        });

        context.RegisterCompilationEndAction(endContext =>
        {
            if (deferred.IsEmpty)
            {
                return;
            }

            var reach = barrier is null ? model.Global() : model.Global(barrier);
            foreach (var site in deferred.OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start))
            {
                if (CreateCrossTypeDiagnostic(CrossTypeDescriptor, site, reach) is { } diagnostic)
                {
                    endContext.ReportOutsideGeneratedCode(diagnostic);
                }
            }
        });
    }
}
