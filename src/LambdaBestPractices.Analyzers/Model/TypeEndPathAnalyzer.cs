using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A candidate of a <see cref="TypeEndPathAnalyzer"/>: where it is, and its diagnostic once the reaching handlers are known.</summary>
internal abstract class TypeEndSite
{
    protected TypeEndSite(FunctionKey function, Location location)
    {
        Function = function;
        Location = location;
    }

    public FunctionKey Function { get; }

    public Location Location { get; }

    /// <summary>The diagnostic when handlers of <paramref name="reachingSources"/> reach the site, or null when that is no violation.</summary>
    public abstract Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources);
}

/// <summary>
/// Base of the rules that decide their candidates per type, at the type's symbol end, over all of the type's member
/// bodies (what <see cref="ValueOrigins"/> needs: the calls of private helpers, the fields written once), and then keep
/// those a handler reaches, like <see cref="InvocationPathAnalyzer"/>:
/// <list type="number">
/// <item>compilation start: bail out unless the compilation is a Lambda project with AWS SDK clients;</item>
/// <item>per type: feed the shared <see cref="HandlerModel"/> and keep the type's bodies, in source order;</item>
/// <item>type end: find the candidates, and report those reached from a handler of the same type (live in the IDE);</item>
/// <item>compilation end: report the others that a handler in another type or file reaches.</item>
/// </list>
/// </summary>
public abstract class TypeEndPathAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private protected abstract DiagnosticDescriptor LiveDescriptor { get; }

    private protected abstract DiagnosticDescriptor CrossTypeDescriptor { get; }

    /// <summary>Members the invocation path does not cross (LBP202: methods marked <c>[Idempotent]</c>), or null.</summary>
    private protected virtual Func<FunctionKey, bool>? Barrier(Compilation compilation) => null;

    /// <summary>
    /// Words one of which every candidate's source contains (the SDK method names the rule looks for): a type whose files
    /// contain none of them only feeds the handler model, and its bodies are neither kept nor walked.
    /// </summary>
    private protected abstract WordSet MentionedWords { get; }

    /// <summary>A call worth a look at type end (a cheap test of the method: its name and assembly).</summary>
    private protected abstract bool IsCandidate(IInvocationOperation invocation);

    /// <summary>
    /// The sites of one type, from its candidate calls (in source order) and its member bodies and value origins, shared
    /// with the other rules deciding the same type (<paramref name="type"/>'s <see cref="TypeBodySet"/>, held locked for
    /// this call). Called only for types with a candidate call.
    /// </summary>
    private protected abstract List<TypeEndSite> FindSites(LambdaSymbols symbols, TypeBodySet type, IReadOnlyList<(ISymbol Owner, IInvocationOperation Call)> candidates, CancellationToken cancellationToken);

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = LambdaSymbols.For(context.Compilation);
        if (!symbols.IsLambdaProject || symbols.AmazonServiceClient.IsEmpty)
        {
            return;
        }

        var model = HandlerModel.For(symbols);
        var barrier = Barrier(context.Compilation);
        var deferred = new ConcurrentQueue<TypeEndSite>();
        var prefilter = TextPrefilter.For(context.Compilation);
        var typeBodies = TypeBodies.For(context.Compilation);
        var words = MentionedWords;
        Action<OperationBlockAnalysisContext> feed = model.Feed;

        context.RegisterSymbolStartAction(
            typeContext =>
            {
                var type = (INamedTypeSymbol)typeContext.Symbol;
                typeContext.RegisterOperationBlockAction(feed);
                if (!prefilter.Mentions(type, words, typeContext.CancellationToken))
                {
                    return;
                }

                var bodies = typeBodies.Acquire(type);
                var candidates = new Internals.LazyQueue<(ISymbol Owner, IInvocationOperation Call)>();
                typeContext.RegisterOperationBlockAction(blockContext =>
                {
                    if (SymbolEqualityComparer.Default.Equals(blockContext.OwningSymbol.ContainingType, type))
                    {
                        bodies.Add(blockContext.OwningSymbol, blockContext.OperationBlocks);
                    }
                });
                typeContext.RegisterOperationAction(
                    operationContext =>
                    {
                        var invocation = (IInvocationOperation)operationContext.Operation;
                        if (IsCandidate(invocation) && SymbolEqualityComparer.Default.Equals(operationContext.ContainingSymbol.ContainingType, type))
                        {
                            candidates.Add((operationContext.ContainingSymbol, invocation));
                        }
                    },
                    OperationKind.Invocation);
                typeContext.RegisterSymbolEndAction(endContext =>
                {
                    List<TypeEndSite> sites;
                    try
                    {
                        if (candidates.IsEmpty)
                        {
                            return;
                        }

                        // Source order, whatever order the driver ran the members in.
                        var orderedCandidates = candidates.Items
                            .OrderBy(c => c.Call.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                            .ThenBy(c => c.Call.Syntax.SpanStart)
                            .ToArray();
                        lock (bodies)
                        {
                            sites = FindSites(symbols, bodies, orderedCandidates, endContext.CancellationToken);
                        }
                    }
                    finally
                    {
                        typeBodies.Release(bodies);
                    }

                    if (sites.Count == 0)
                    {
                        return;
                    }

                    var reach = barrier is null ? model.WithinType(type) : model.WithinType(type, barrier);
                    foreach (var site in sites)
                    {
                        if (site.CreateDiagnostic(LiveDescriptor, reach.SourcesReaching(site.Function)) is { } diagnostic)
                        {
                            endContext.ReportDiagnostic(diagnostic);
                        }
                        else
                        {
                            deferred.Enqueue(site);
                        }
                    }
                });
            },
            SymbolKind.NamedType);

        context.RegisterCompilationEndAction(endContext =>
        {
            if (deferred.IsEmpty)
            {
                return;
            }

            var reach = barrier is null ? model.Global() : model.Global(barrier);
            foreach (var site in deferred.OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start))
            {
                if (site.CreateDiagnostic(CrossTypeDescriptor, reach.SourcesReaching(site.Function)) is { } diagnostic)
                {
                    endContext.ReportDiagnostic(diagnostic);
                }
            }
        });
    }
}
