using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP204DontInvokeSynchronouslyRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP204InvokeAsynchronouslyCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP204InvokeAsynchronouslyCodeFixProviderTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;
        using Amazon.Lambda.SQSEvents;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP204InvokeAsynchronouslyCodeFixProvider.EquivalenceKey);

    private static Task VerifyNoFixAsync(string source) => Verify.VerifyNoCodeFixAsync(Usings + source);

    [Fact]
    public Task MultiLineInitializer_AddsTheMemberAndKeepsComments() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // Hand the order to the worker
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest
                {
                    FunctionName = "orders-worker", // the worker's alias
                    Payload = evt.Records[0].Body // the order
                })|}; // done
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // Hand the order to the worker
                await Lambda.InvokeAsync(new InvokeRequest
                {
                    FunctionName = "orders-worker", // the worker's alias
                    Payload = evt.Records[0].Body, // the order
                    InvocationType = InvocationType.Event
                }); // done
            }
        }
        """);

    [Fact]
    public Task TrailingComma_IsKept() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest
                {
                    FunctionName = "orders-worker",
                    /* the order */ Payload = evt.Records[0].Body,
                };
                await {|LBP204:Lambda.InvokeAsync(request)|}.ConfigureAwait(false);
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest
                {
                    FunctionName = "orders-worker",
                    /* the order */ Payload = evt.Records[0].Body,
                    InvocationType = InvocationType.Event,
                };
                await Lambda.InvokeAsync(request).ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task SingleLineInitializer_StaysOnOneLine() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|};
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.Event });
            }
        }
        """);

    [Fact]
    public Task RequestResponseValues_AreReplaced() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.RequestResponse /* sync */ })|};
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = "RequestResponse" })|};
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "c", InvocationType = null })|};
                var request = new InvokeRequest { FunctionName = "d" };
                request.InvocationType = InvocationType.RequestResponse; // was sync
                await {|LBP204:Lambda.InvokeAsync(request)|};
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.Event /* sync */ });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b", InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "c", InvocationType = InvocationType.Event });
                var request = new InvokeRequest { FunctionName = "d" };
                request.InvocationType = InvocationType.Event; // was sync
                await Lambda.InvokeAsync(request);
            }
        }
        """);

    [Fact]
    public Task NoInitializer_CreatesOne() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest(); // built below
                request.FunctionName = "a";
                await {|LBP204:Lambda.InvokeAsync(request)|};
                InvokeRequest other = new();
                other.FunctionName = "b";
                await {|LBP204:Lambda.InvokeAsync(other)|};
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { InvocationType = InvocationType.Event }; // built below
                request.FunctionName = "a";
                await Lambda.InvokeAsync(request);
                InvokeRequest other = new() { InvocationType = InvocationType.Event };
                other.FunctionName = "b";
                await Lambda.InvokeAsync(other);
            }
        }
        """);

    [Fact]
    public Task MissingUsing_IsAdded() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Function
        {
            private static readonly Amazon.Lambda.IAmazonLambda Lambda = new Amazon.Lambda.AmazonLambdaClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Function
        {
            private static readonly Amazon.Lambda.IAmazonLambda Lambda = new Amazon.Lambda.AmazonLambdaClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a", InvocationType = InvocationType.Event });
            }
        }
        """, LBP204InvokeAsynchronouslyCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task FixAll_FixesEveryInvokeAndASharedRequestOnce() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "audit" };
                await {|LBP204:Lambda.InvokeAsync(request)|};
                await {|LBP204:Lambda.InvokeAsync(request)|};
                await Notify();
            }

            private static async Task Notify()
            {
                await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "notify" })|};
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event };
                await Lambda.InvokeAsync(request);
                await Lambda.InvokeAsync(request);
                await Notify();
            }

            private static async Task Notify()
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "notify", InvocationType = InvocationType.Event });
            }
        }
        """);

    // ---- no fix ----

    [Fact]
    public Task ResponseRead_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task<string> Handle(SQSEvent evt, ILambdaContext context)
            {
                var response = await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "a" })|};
                if ((await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "b" })|}).FunctionError is not null)
                {
                    return "failed";
                }

                var status = (await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "c" })|}).StatusCode;
                return response.Payload.Length + " " + status;
            }

            public Task<InvokeResponse> Forward(ILambdaContext context) =>
                {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "d" })|};

            public async Task<InvokeResponse> ForwardAwaited(SQSEvent evt, ILambdaContext context)
            {
                return await {|LBP204:Lambda.InvokeAsync(new InvokeRequest { FunctionName = "e" })|};
            }
        }
        """);

    [Fact]
    public Task SharedRequestWhoseOtherResponseIsRead_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task<string> Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new InvokeRequest { FunctionName = "a" };
                await {|LBP204:Lambda.InvokeAsync(request)|};
                var response = await {|LBP204:Lambda.InvokeAsync(request)|};
                return response.LogResult;
            }
        }
        """);
}
