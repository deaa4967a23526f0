using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP203FinishBackgroundWorkRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP203AwaitTheTaskCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP203AwaitTheTaskCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SQS;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP203AwaitTheTaskCodeFixProvider.EquivalenceKey);

    private static Task VerifyNoFixAsync(string source) => Verify.VerifyNoCodeFixAsync(Usings + source);

    [Fact]
    public Task Discard_BecomesAnAwait_KeepingComments() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // tell the auditors
                _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "audit")|}; // fire and forget
                await Task.CompletedTask;
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // tell the auditors
                await Sqs.SendMessageAsync("https://queue", "audit"); // fire and forget
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task FixAll_AwaitsEveryDiscardInAsyncFunctions() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "a").ConfigureAwait(false)|};
                _ = {|LBP203:Task.Run(() => context.Logger.LogInformation("b"))|};
                Func<Task> later = async () =>
                {
                    _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "c")|};
                    await Task.CompletedTask;
                };
                await later();

                async Task LocalAsync()
                {
                    _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "d")|};
                }

                await LocalAsync();
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Sqs.SendMessageAsync("https://queue", "a").ConfigureAwait(false);
                await Task.Run(() => context.Logger.LogInformation("b"));
                Func<Task> later = async () =>
                {
                    await Sqs.SendMessageAsync("https://queue", "c");
                    await Task.CompletedTask;
                };
                await later();

                async Task LocalAsync()
                {
                    await Sqs.SendMessageAsync("https://queue", "d");
                }

                await LocalAsync();
            }
        }
        """);

    [Fact]
    public Task CommentAfterTheDiscard_IsKept() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = /* audit */ {|LBP203:Sqs.SendMessageAsync("https://queue", "a")|};
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await /* audit */ Sqs.SendMessageAsync("https://queue", "a");
            }
        }
        """);

    /// <summary>`await` is not allowed in a lock, and an expression body has no statement to rewrite: no fix there.</summary>
    [Fact]
    public Task DiscardInALockOrAnExpressionBody_IsNotFixed() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
            private static readonly object Gate = new();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                lock (Gate)
                {
                    _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "a")|};
                }

                await SendAsync();
            }

            private static async Task SendAsync() => _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "b")|};
        }
        """);

    [Fact]
    public Task DiscardInAMethodThatIsNotAsync_IsNotFixed() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = {|LBP203:Sqs.SendMessageAsync("https://queue", "a")|};
                {|LBP203:Sqs.SendMessageAsync("https://queue", "b")|};
            }
        }
        """);

    [Fact]
    public Task OtherForms_AreNotFixed() => VerifyNoFixAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var unread = {|LBP203:Task.Run(() => { })|};
                {|LBP203:Notify()|};
                evt.Records.ForEach({|LBP203:async|} record => await Task.Yield());
                await Task.CompletedTask;
            }

            private static async void Notify() => await Task.Yield();
        }
        """);
}
