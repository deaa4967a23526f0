using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Tests.Model.HandlerModelProbe>;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The shared handler model, through a probe rule that reports reached <c>Probe.Here()</c> calls with their event sources.</summary>
public class HandlerModelTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.CloudWatchEvents;
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SNSEvents;
        using Amazon.Lambda.SQSEvents;

        """;

    private const string ProbeClass = """

        public static class Probe { public static void Here() { } }
        """;

    private static DiagnosticResult Reached(int markup, string sources) =>
        Verify.Diagnostic(HandlerModelProbe.Reached).WithLocation(markup).WithArguments(sources);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Prelude + source + ProbeClass, expected);

    [Fact]
    public Task EventSources_ComeFromTheEventParameter() => VerifyAsync("""
        public class Functions
        {
            public void Sqs(SQSEvent e, ILambdaContext c) => {|#0:Probe.Here()|};
            public void Sns(SNSEvent e, ILambdaContext c) => {|#1:Probe.Here()|};
            public void S3(S3Event e, ILambdaContext c) => {|#2:Probe.Here()|};
            public void Kinesis(KinesisEvent e, ILambdaContext c) => {|#3:Probe.Here()|};
            public void Ddb(DynamoDBEvent e, ILambdaContext c) => {|#4:Probe.Here()|};
            public void Bridge(CloudWatchEvent<Dictionary<string, string>> e, ILambdaContext c) => {|#5:Probe.Here()|};
            public APIGatewayProxyResponse Api(APIGatewayProxyRequest e, ILambdaContext c) { {|#6:Probe.Here()|}; return new(); }
            public void Poco(string e, ILambdaContext c) => {|#7:Probe.Here()|};
        }
        """,
        Reached(0, "Sqs"), Reached(1, "Sns"), Reached(2, "S3"), Reached(3, "Kinesis"), Reached(4, "DynamoDBStream"),
        Reached(5, "EventBridge"), Reached(6, "ApiGateway"), Reached(7, "Unknown"));

    [Fact]
    public Task SharedHelper_IsReachedFromEverySource() => VerifyAsync("""
        public class Functions
        {
            public void Sqs(SQSEvent e, ILambdaContext c) => Save();
            public void Api(APIGatewayHttpApiV2ProxyRequest e, ILambdaContext c) => Save();
            private void Save() => {|#0:Probe.Here()|};
            private void Unused() => Probe.Here();
        }
        """,
        Reached(0, "Sqs, ApiGateway"));

    [Fact]
    public Task AnnotationsAttributes_NameTheSource() => VerifyAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Annotations.SQS;

        public class Functions
        {
            [LambdaFunction]
            [SQSEvent("@OrdersQueue")]
            public void Orders(SQSEvent e) => {|#0:Probe.Here()|};
        }
        """,
        Reached(0, "Sqs"));

    [Fact]
    public Task CallGraph_FollowsCallsAccessorsLocalFunctionsLambdasAndMethodGroups() => VerifyAsync("""
        public class Functions
        {
            private int Count => Probe.Here2();

            public void Handle(SQSEvent e, ILambdaContext c)
            {
                A();
                _ = Count;
                Local();
                e.Records.ForEach(r => {|#3:Probe.Here()|});
                Action group = B;

                void Local() => {|#2:Probe.Here()|};
            }

            private void A() => {|#0:Probe.Here()|};
            private void B() => {|#1:Probe.Here()|};
        }

        public static class ProbeExtensions { }
        """.Replace("Probe.Here2()", "Helper()").Replace("private int Count => Helper();", "private int Count { get { {|#4:Probe.Here()|}; return 1; } }"),
        Reached(0, "Sqs"), Reached(1, "Sqs"), Reached(2, "Sqs"), Reached(3, "Sqs"), Reached(4, "Sqs"));

    [Fact]
    public Task Cycles_AreVisitedOnce() => VerifyAsync("""
        public class Functions
        {
            public void Handle(SQSEvent e, ILambdaContext c) => A(3);
            private void A(int n) { {|#0:Probe.Here()|}; if (n > 0) B(n - 1); }
            private void B(int n) { if (n > 0) A(n - 1); }
        }
        """,
        Reached(0, "Sqs"));

    /// <summary>
    /// A delegate stored at init (field or property initializer, constructor assignment, <c>??=</c>, a method group) runs
    /// where it is invoked: <c>_factory(x)</c>, <c>Factory.Invoke(x)</c>, <c>_callback?.Invoke()</c>. Storing one runs nothing.
    /// </summary>
    [Fact]
    public Task DelegatesStoredAtInit_RunWhereTheyAreInvoked() => VerifyAsync("""
        public class Functions
        {
            private readonly Func<string, int> _factory = name => { {|#0:Probe.Here()|}; return name.Length; };
            private Func<string, int> Factory { get; } = name => { {|#1:Probe.Here()|}; return 1; };
            private readonly Action? _callback;
            private Action? _lazy;
            private readonly Func<int> _stored;
            private readonly Func<int> _neverInvoked = () => { Probe.Here(); return 0; };

            public Functions()
            {
                _callback = () => {|#2:Probe.Here()|};
                _stored = Count;
            }

            private int Count() { {|#3:Probe.Here()|}; return 0; }

            public void Handle(SQSEvent e, ILambdaContext c)
            {
                _ = _factory("orders");
                _ = Factory.Invoke("orders");
                _callback?.Invoke();
                _lazy ??= () => {|#4:Probe.Here()|};
                _lazy();
                _ = _stored();
            }
        }
        """,
        Reached(0, "Sqs"), Reached(1, "Sqs"), Reached(2, "Sqs"), Reached(3, "Sqs"), Reached(4, "Sqs"));

    [Fact]
    public Task InitCode_IsNotOnThePath() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        public class Functions
        {
            private static readonly Lazy<int> Lazy = new(() => { Probe.Here(); return 1; });
            private readonly int _field = Init();

            static Functions() => Probe.Here();
            public Functions() => Probe.Here();

            private static int Init() { Probe.Here(); return 1; }

            public void Handle(SQSEvent e, ILambdaContext c)
            {
                var services = new ServiceCollection();
                services.AddSingleton<object>(_ => { Probe.Here(); return new object(); });
            }
        }
        """);

    [Fact]
    public async Task CrossTypeReach_IsReportedAtCompilationEnd()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Probe.cs", ProbeClass));
        test.TestState.Sources.Add(("Function.cs", Prelude + """
            public class Function
            {
                private readonly IStore _store = new Store();
                public void Handle(SNSEvent e, ILambdaContext c) { _store.Save(); new Service(); }
            }
            """));
        test.TestState.Sources.Add(("Store.cs", """
            public interface IStore { void Save(); }
            public class Store : IStore { public void Save() => {|#0:Probe.Here()|}; }
            public class Service
            {
                private readonly int _x = Make();
                public Service() => {|#1:Probe.Here()|};
                private static int Make() { {|#2:Probe.Here()|}; return 1; }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerModelProbe.ReachedAcrossTypes).WithLocation(0).WithArguments("Sns"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerModelProbe.ReachedAcrossTypes).WithLocation(1).WithArguments("Sns"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(HandlerModelProbe.ReachedAcrossTypes).WithLocation(2).WithArguments("Sns"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelHandler_SourceFromLambdaParameters()
    {
        var test = new Verify.Test
        {
            TestCode = Prelude + """
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                Probe.Here();
                Func<SQSEvent, Task> handler = async evt => { {|#0:Probe.Here()|}; await Task.CompletedTask; };
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                public static class Probe { public static void Here() { } }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Reached(0, "Sqs"));
        await test.RunAsync();
    }

    [Fact]
    public Task NestedTypes_HaveTheirOwnScope() => VerifyAsync("""
        public class Outer
        {
            public void Handle(SQSEvent e, ILambdaContext c) => Inner.Run();

            public static class Inner
            {
                public static void Run() => {|#0:Probe.Here()|};
            }
        }
        """,
        Verify.Diagnostic(HandlerModelProbe.ReachedAcrossTypes).WithLocation(0).WithArguments("Sqs"));
}
