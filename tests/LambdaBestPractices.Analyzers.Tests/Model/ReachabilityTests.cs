using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The call graph behind reachability is indexed once and read with and without a barrier (LBP202's <c>[Idempotent]</c>):
/// the sources of every handler reach what it calls, a barrier cuts what only it reaches, and a barrier that names no node
/// gives the plain result without another traversal.
/// </summary>
public class ReachabilityTests
{
    // Distinct nodes keyed by syntax (lambda keys), so no compilation is needed.
    private static readonly FunctionKey Handler = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Handler"));
    private static readonly FunctionKey Helper = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Helper"));
    private static readonly FunctionKey Guarded = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Guarded"));
    private static readonly FunctionKey Write = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Write"));
    private static readonly FunctionKey Shared = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Shared"));
    private static readonly FunctionKey Unreached = FunctionKey.ForLambda(SyntaxFactory.IdentifierName("Unreached"));

    private static Reachability.CallGraph Graph() => Reachability.CallGraph.Build(new[]
    {
        new MemberFacts(null, new[] { (Handler, Helper), (Handler, Guarded), (Helper, Shared) }, new[] { new EntryPoint(Handler, EventSources.Sqs) }),
        new MemberFacts(null, new[] { (Guarded, Write), (Guarded, Shared) }, System.Array.Empty<EntryPoint>()),
        new MemberFacts(null, new[] { (Unreached, Write) }, new[] { new EntryPoint(Helper, EventSources.S3) }),
    });

    [Fact]
    public void WithoutBarrier_SourcesFlowAlongEveryEdge()
    {
        var reach = Graph().Reach(null);

        Assert.Equal(EventSources.Sqs, reach.SourcesReaching(Handler));
        Assert.Equal(EventSources.Sqs | EventSources.S3, reach.SourcesReaching(Helper));
        Assert.Equal(EventSources.Sqs | EventSources.S3, reach.SourcesReaching(Shared));
        Assert.Equal(EventSources.Sqs, reach.SourcesReaching(Write));
        Assert.False(reach.IsOnInvocationPath(Unreached));
        Assert.Equal(5, reach.Count);
    }

    [Fact]
    public void Barrier_CutsWhatOnlyItReaches_OnTheSameGraph()
    {
        var graph = Graph();
        var plain = graph.Reach(null);
        var barred = graph.Reach(key => key.Equals(Guarded));

        Assert.False(barred.IsOnInvocationPath(Guarded));
        Assert.False(barred.IsOnInvocationPath(Write));
        Assert.Equal(EventSources.Sqs | EventSources.S3, barred.SourcesReaching(Shared));

        // The plain result is unchanged by the barrier's traversal.
        Assert.True(plain.IsOnInvocationPath(Write));
        Assert.Equal(plain.SourcesReaching(Write), Graph().Reach(null).SourcesReaching(Write));
    }

    [Fact]
    public void BarrierNamingNoNode_IsThePlainResult()
    {
        var graph = Graph();

        Assert.Same(graph.Reach(null), graph.Reach(_ => false));
    }

    [Fact]
    public void Compute_IsTheGraphsReach()
    {
        var facts = new[] { new MemberFacts(null, new[] { (Handler, Helper) }, new[] { new EntryPoint(Handler, EventSources.Unknown) }) };

        Assert.Equal(EventSources.Unknown, Reachability.Compute(facts).SourcesReaching(Helper));
        Assert.Equal(EventSources.None, Reachability.Compute(facts, key => key.Equals(Helper)).SourcesReaching(Helper));
    }
}
