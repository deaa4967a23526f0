using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The sites of one type, from its candidate calls (in source order) and its member bodies and value origins
/// (<paramref name="type"/>, shared with the other rules deciding the same type and held locked for this call).
/// </summary>
internal delegate IReadOnlyList<RuleSite> FindSites(LambdaSymbols symbols, TypeBodySet type, IReadOnlyList<(ISymbol Owner, IInvocationOperation Call)> candidates, CancellationToken cancellationToken);

/// <summary>
/// For the path rules that decide a type's sites at its end over the whole type (what <see cref="ValueOrigins"/> needs: the
/// calls of private helpers, the fields written once): LBP201 and LBP202. Per type whose files mention one of the rule's
/// words, it keeps the type's bodies (shared through <see cref="TypeBodies"/>) and the candidate calls, and at the type's
/// end hands them to the rule.
/// </summary>
internal static class WholeTypeSites
{
    /// <summary>Registers the collection for one type; false when no file of the type mentions <paramref name="words"/>.</summary>
    public static bool Register(TypeStart context, LambdaSymbols symbols, TypeSites sites, WordSet words, Func<IInvocationOperation, bool> isCandidate, FindSites findSites)
    {
        var type = context.Type;
        var compilation = LambdaCompilation.For(symbols.Compilation);
        if (!compilation.Prefilter.Mentions(type, words, context.CancellationToken))
        {
            return false;
        }

        var typeBodies = compilation.Bodies;
        var bodies = typeBodies.Acquire(type);
        var candidates = new LazyQueue<(ISymbol Owner, IInvocationOperation Call)>();
        context.RegisterOperationBlockAction(blockContext => bodies.Add(blockContext.OwningSymbol, blockContext.OperationBlocks));
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (isCandidate(invocation))
                {
                    candidates.Add((operationContext.ContainingSymbol, invocation));
                }
            },
            OperationKind.Invocation);
        sites.DecideAtTypeEnd(cancellationToken =>
        {
            try
            {
                if (candidates.IsEmpty)
                {
                    return;
                }

                // Source order, whatever order the driver ran the members in.
                var ordered = candidates.Items
                    .OrderBy(c => c.Call.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                    .ThenBy(c => c.Call.Syntax.SpanStart)
                    .ToArray();
                IReadOnlyList<RuleSite> found;
                lock (bodies)
                {
                    found = findSites(symbols, bodies, ordered, cancellationToken);
                }

                foreach (var site in found)
                {
                    sites.Add(site);
                }
            }
            finally
            {
                typeBodies.Release(bodies);
            }
        });
        return true;
    }
}
