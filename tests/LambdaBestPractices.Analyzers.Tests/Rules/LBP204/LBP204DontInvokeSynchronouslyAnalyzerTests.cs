using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP204DontInvokeSynchronouslyRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP204DontInvokeSynchronouslyAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;
        using Amazon.Lambda.SQSEvents;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Waits(int location, string method = "InvokeAsync", bool isDefault = false) =>
        Verify.Diagnostic(Descriptors.LBP204_DontInvokeSynchronously).WithLocation(location).WithArguments(method, isDefault ? ", the default" : "");

    private static DiagnosticResult WaitsCrossType(int location, bool isDefault = false) =>
        Verify.Diagnostic(Descriptors.LBP204_DontInvokeSynchronously_CrossType).WithLocation(location).WithArguments("InvokeAsync", isDefault ? ", the default" : "");

    // ---- flagged ----

    [Fact]
    public Task InvocationTypeUnset_ReportsTheDefault() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "orders-worker", Payload = "{}" })|};
            }
        }
        """, Waits(0, isDefault: true));

    [Fact]
    public Task RequestResponseField_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var response = await {|#0:Lambda.InvokeAsync(new InvokeRequest
                {
                    FunctionName = "orders-worker",
                    InvocationType = InvocationType.RequestResponse,
                })|};
                return response.StatusCode.ToString();
            }
        }
        """, Waits(0));

    [Fact]
    public Task RequestResponseString_Reports() => VerifyAsync("""
        public class Function
        {
            private const string Sync = "RequestResponse";
            private static readonly AmazonLambdaClient Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = "RequestResponse" })|};
                await {|#1:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = Sync })|};
            }
        }
        """, Waits(0), Waits(1));

    [Fact]
    public Task NullInvocationType_ReportsTheDefault() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = null })|};
            }
        }
        """, Waits(0, isDefault: true));

    [Fact]
    public Task RequestInLocalAssignedOnce_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonLambda _lambda;

            public Function(IAmazonLambda lambda) => _lambda = lambda;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "orders-worker" };
                request.Payload = evt.Records[0].Body;
                request.InvocationType = InvocationType.RequestResponse;
                var response = await {|#0:_lambda.InvokeAsync(request, default)|};
            }
        }
        """, Waits(0));

    [Fact]
    public Task TargetTypedNewAndNamedArgument_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                InvokeRequest request = new() { FunctionName = "a" };
                await {|#0:Lambda.InvokeAsync(cancellationToken: default, request: request)|};
                await {|#1:Lambda.InvokeAsync(new() { FunctionName = "b" })|}.ConfigureAwait(false);
            }
        }
        """, Waits(0, isDefault: true), Waits(1, isDefault: true));

    [Fact]
    public Task OneRequestForTwoInvokes_ReportsBoth() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "a" };
                await {|#0:Lambda.InvokeAsync(request)|};
                await {|#1:Lambda.InvokeAsync(request)|};
            }
        }
        """, Waits(0, isDefault: true), Waits(1, isDefault: true));

    [Fact]
    public Task UserImplementationOfIAmazonLambda_Reports() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var lambda = new LoggingLambdaClient();
                await {|#0:lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|};
            }
        }

        public class LoggingLambdaClient : AmazonLambdaClient
        {
            public override Task<InvokeResponse> InvokeAsync(InvokeRequest request, System.Threading.CancellationToken cancellationToken = default)
            {
                Console.WriteLine(request.FunctionName);
                return base.InvokeAsync(request, cancellationToken);
            }
        }
        """, Waits(0, isDefault: true));

    [Fact]
    public Task HelperOfSameType_ReportsLive() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public Task Handle(SQSEvent evt, ILambdaContext context) => NotifyAsync(evt.Records[0].Body);

            private static Task<InvokeResponse> NotifyAsync(string body) =>
                {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "notifier", Payload = body })|};
        }
        """, Waits(0, isDefault: true));

    [Fact]
    public Task HelperInAnotherType_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            private readonly Notifier _notifier = new Notifier();

            public Task Handle(SQSEvent evt, ILambdaContext context) => _notifier.NotifyAsync(evt.Records[0].Body);
        }

        public class Notifier
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task NotifyAsync(string body)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "notifier", Payload = body })|};
            }
        }
        """, WaitsCrossType(0, isDefault: true));

    [Fact]
    public Task InvokeInLambdaOnThePath_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Func<string, Task> forward = async body =>
                {
                    var request = new InvokeRequest { FunctionName = "worker", Payload = body };
                    await {|#0:Lambda.InvokeAsync(request)|};
                };
                await forward(evt.Records[0].Body);
            }
        }
        """, Waits(0, isDefault: true));

    // ---- not flagged ----

    [Fact]
    public Task MethodNotOnThePath_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;

            public static Task Warmup() => Lambda.InvokeAsync(new InvokeRequest { FunctionName = "worker" });
        }

        public class Tool
        {
            public Task Run(IAmazonLambda lambda) => lambda.InvokeAsync(new InvokeRequest { FunctionName = "worker" });
        }
        """);

    [Fact]
    public Task EventDryRunAndStrings_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = "Event" });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "c", InvocationType = InvocationType.DryRun });
                var request = new InvokeRequest { FunctionName = "d" };
                request.InvocationType = InvocationType.Event;
                await Lambda.InvokeAsync(request);
            }
        }
        """);

    [Fact]
    public Task NonConstantInvocationType_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
            private static readonly InvocationType Mode = Environment.GetEnvironmentVariable("MODE");

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var mode = evt.Records.Count > 1 ? InvocationType.Event : InvocationType.RequestResponse;
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = mode });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = Mode });
            }
        }
        """);

    [Fact]
    public Task RequestFromElsewhere_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
            private readonly InvokeRequest _request = new InvokeRequest { FunctionName = "a" };

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Lambda.InvokeAsync(_request);
                await Forward(new InvokeRequest { FunctionName = "b" });

                var twice = new InvokeRequest { FunctionName = "c" };
                if (evt.Records.Count > 1)
                {
                    twice = Build();
                }

                await Lambda.InvokeAsync(twice);

                var configured = new InvokeRequest { FunctionName = "d" };
                Configure(configured);
                await Lambda.InvokeAsync(configured);

                var built = Build();
                await Lambda.InvokeAsync(built);
            }

            private static Task Forward(InvokeRequest request) => Lambda.InvokeAsync(request);

            private static InvokeRequest Build() => new InvokeRequest { FunctionName = "e", InvocationType = InvocationType.Event };

            private static void Configure(InvokeRequest request) => request.InvocationType = InvocationType.Event;
        }
        """);

    [Fact]
    public Task InvocationTypeSetTwice_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.RequestResponse };
                if (evt.Records.Count > 10)
                {
                    request.InvocationType = InvocationType.Event;
                }

                await Lambda.InvokeAsync(request);
            }
        }
        """);

    [Fact]
    public Task StreamingAndDeprecatedAsyncInvoke_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                using var stream = await Lambda.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest { FunctionName = "a" });
        #pragma warning disable CS0618 // InvokeAsyncAsync is deprecated
                await Lambda.InvokeAsyncAsync(new InvokeAsyncRequest { FunctionName = "b", InvokeArgs = "{}" });
        #pragma warning restore CS0618
                await Lambda.GetFunctionAsync("c");
            }
        }
        """);

    [Fact]
    public Task SelfInvocation_IsLeftToLBP201() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.InvokedFunctionArn });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") });

                var self = context.FunctionName;
                var request = new InvokeRequest { Payload = "{}" };
                request.FunctionName = self;
                await Lambda.InvokeAsync(request);
            }
        }
        """);

    [Fact]
    public Task OtherFunctionNamedFromEnvironment_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("WORKER_FUNCTION_NAME") })|};
            }
        }
        """, Waits(0, isDefault: true));

    [Fact]
    public Task LookAlikeInvokeMethods_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var client = new MyClient();
                await client.InvokeAsync(new InvokeRequest { FunctionName = "a" });
                Action action = () => { };
                action.Invoke();
            }
        }

        public class MyClient
        {
            public Task InvokeAsync(InvokeRequest request) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Model;

        public class Worker
        {
            public async Task Handle(string input)
            {
                var lambda = new AmazonLambdaClient();
                await lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" });
            }
        }
        """, Stubs.SdkLambda);

    // ---- broken and incomplete code ----

    [Fact]
    public async Task SyntaxErrors_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|}{|CS1002:|}
                        await Lambda.InvokeAsync(new InvokeRequest { FunctionName = {|CS1525:}|} ){|CS1002:|}
                        await Lambda.{|CS7036:InvokeAsync|}({|CS1026:|}{|CS1002:|}
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Waits(0, isDefault: true));

        // An unfinished name is not a self-invocation: the invoke still waits.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP204_DontInvokeSynchronously).WithSpan(14, 15, 14, 72).WithArguments("InvokeAsync", ", the default"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnresolvedTypes_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var request = new {|CS0246:MissingRequest|} { };
                        await {|CS0103:Unknown|}.InvokeAsync(request);
                        IAmazonLambda lambda = null!;
                        await {|#0:lambda.InvokeAsync(new InvokeRequest { {|CS0117:Missing|} = 1 })|};
                    }
                }
                """,
        };

        // A member that does not exist sets nothing: the invoke still waits.
        test.ExpectedDiagnostics.Add(Waits(0, isDefault: true));
        await test.RunAsync();
    }

    // ---- live analysis ----

    private const string FunctionFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" });
                await Worker.RunAsync(Lambda);
            }
        }
        """;

    private const string WorkerFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Model;

        public static class Worker
        {
            public static Task RunAsync(IAmazonLambda lambda) => lambda.InvokeAsync(new InvokeRequest { FunctionName = "b" });
        }
        """;

    [Fact]
    public async Task DocumentAnalysisOfHandlerFile_ReportsLive_OtherFileAtCompilationEnd()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Worker.cs", WorkerFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP204DontInvokeSynchronouslyRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var live = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var single = Assert.Single(live, d => d.Id == "LBP204");
        Assert.Equal(12, single.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, single.Descriptor.CustomTags);

        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var crossType = Assert.Single(all, d => d.Location.SourceTree!.FilePath == "Worker.cs");
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, crossType.Descriptor.CustomTags);
    }
}
