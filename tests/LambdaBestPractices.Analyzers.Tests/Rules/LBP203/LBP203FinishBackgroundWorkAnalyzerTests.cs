using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP203FinishBackgroundWorkRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP203FinishBackgroundWorkAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SQS;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult NotAwaited(int location, string subject) =>
        Verify.Diagnostic(Descriptors.LBP203_FinishBackgroundWork).WithLocation(location).WithArguments(subject);

    private static DiagnosticResult TaskOf(int location, string method) => NotAwaited(location, "The task of '" + method + "'");

    // ---- flagged ----

    [Fact]
    public Task DiscardedTasks_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = {|#0:Sqs.SendMessageAsync("https://queue", "audit")|};
                _ = {|#1:NotifyAsync(evt).ConfigureAwait(false)|};
                _ = {|#2:Task.Run(() => Cleanup())|};
                await Task.CompletedTask;
            }

            private static Task NotifyAsync(SQSEvent evt) => Task.CompletedTask;

            private static void Cleanup()
            {
            }
        }
        """, TaskOf(0, "SendMessageAsync"), TaskOf(1, "NotifyAsync"), TaskOf(2, "Run"));

    [Fact]
    public Task TaskStatementsInAMethodThatIsNotAsync_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                {|#0:Sqs.SendMessageAsync("https://queue", "audit")|};
                {|#1:Task.Run(() => context.Logger.LogInformation("later"))|};
                {|#2:Task.Factory.StartNew(() => context.Logger.LogInformation("later"))|};
                {|#3:Sqs.SendMessageAsync("https://queue", "x").ContinueWith(t => context.Logger.LogInformation("sent"))|};
            }
        }
        """, TaskOf(0, "SendMessageAsync"), TaskOf(1, "Run"), TaskOf(2, "StartNew"), TaskOf(3, "ContinueWith"));

    [Fact]
    public Task TaskKeptInALocalNoCodeReads_Reports() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var warmUp = {|#0:Task.Run(() => context.Logger.LogInformation("warm"))|};
                await Task.Yield();
            }
        }
        """, TaskOf(0, "Run"));

    [Fact]
    public Task ThreadsAndThePool_Report() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                {|#0:ThreadPool.QueueUserWorkItem(_ => context.Logger.LogInformation("queued"))|};
                {|#1:new Thread(() => context.Logger.LogInformation("thread")).Start()|};
                var worker = new Thread(() => context.Logger.LogInformation("worker"));
                {|#2:worker.Start()|};
            }
        }
        """,
        NotAwaited(0, "The work queued by 'ThreadPool.QueueUserWorkItem'"),
        NotAwaited(1, "The thread started by 'Thread.Start'"),
        NotAwaited(2, "The thread started by 'Thread.Start'"));

    [Fact]
    public Task AsyncVoidMethodsAndLambdas_Report() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                {|#0:Notify(evt)|};
                evt.Records.ForEach({|#1:async|} record => await ProcessAsync(record));
                Parallel.ForEach(evt.Records, {|#2:async|} record => await ProcessAsync(record));
                return Task.CompletedTask;
            }

            private static async void Notify(SQSEvent evt) => await Task.Delay(1);

            private static Task ProcessAsync(SQSEvent.SQSMessage record) => Task.CompletedTask;
        }
        """,
        NotAwaited(0, "The async void method 'Notify'"),
        NotAwaited(1, "The async lambda passed as a void delegate"),
        NotAwaited(2, "The async lambda passed as a void delegate"));

    [Fact]
    public Task HelperInAnotherTypeReachedFromTheHandler_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            private readonly Auditor _auditor = new();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _auditor.Record(evt.Records.Count);
                await Task.CompletedTask;
            }
        }

        public class Auditor
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public void Record(int count) => {|#0:Sqs.SendMessageAsync("https://queue", count.ToString())|};
        }
        """, Verify.Diagnostic(Descriptors.LBP203_FinishBackgroundWork_CrossType).WithLocation(0).WithArguments("The task of 'SendMessageAsync'"));

    // ---- not flagged ----

    [Fact]
    public Task AwaitedStoredReturnedOrCollected_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
            private Task? _pending;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Sqs.SendMessageAsync("https://queue", "a");
                await Sqs.SendMessageAsync("https://queue", "b").ConfigureAwait(false);
                var sends = evt.Records.Select(r => Sqs.SendMessageAsync("https://queue", r.Body)).ToList();
                var extra = Task.Run(() => context.Logger.LogInformation("extra"));
                sends.Add(Sqs.SendMessageAsync("https://queue", "c"));
                await Task.WhenAll(sends);
                await extra;
                _pending = Sqs.SendMessageAsync("https://queue", "d");
                Sqs.SendMessageAsync("https://queue", "e").Wait();
                var result = Sqs.SendMessageAsync("https://queue", "f").GetAwaiter().GetResult();
            }

            public Task Forward(SQSEvent evt, ILambdaContext context) => Sqs.SendMessageAsync("https://queue", "g");

            public Task<int> Count(SQSEvent evt, ILambdaContext context)
            {
                return Task.FromResult(evt.Records.Count);
            }
        }
        """);

    /// <summary>
    /// Look-alikes from public code: a timer or a token registration disposed before the handler returns, work that
    /// signals a TaskCompletionSource the handler awaits, threads joined through a list, a cache's entry, a channel write,
    /// a continuation of a task that is awaited.
    /// </summary>
    [Fact]
    public Task WorkSomeoneWaitsFor_DoesNotReport() => VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Threading.Channels;

        public class Function
        {
            private static readonly ConcurrentDictionary<string, Task<string>> Cache = new();
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                using (var heartbeat = new Timer(async _ => await Task.Delay(1), null, 20000, 20000))
                {
                    await Task.Delay(1);
                }

                using var cts = new CancellationTokenSource();
                using var registration = cts.Token.Register(async () => await Task.Delay(1));

                var done = new TaskCompletionSource<string>();
                ThreadPool.QueueUserWorkItem(_ => done.SetResult("queued"));
                var worker = new Thread(() => done.TrySetResult("thread"));
                worker.Start();
                await done.Task;

                var threads = new List<Thread>();
                foreach (var record in evt.Records)
                {
                    var thread = new Thread(() => context.Logger.LogInformation(record.Body));
                    thread.Start();
                    threads.Add(thread);
                }

                threads.ForEach(t => t.Join());

                _ = Cache.GetOrAdd("key", k => Task.FromResult(k));
                var channel = Channel.CreateUnbounded<string>();
                _ = channel.Writer.WriteAsync("item");
                var send = Sqs.SendMessageAsync("https://queue", "a");
                _ = send.ContinueWith(t => context.Logger.LogError(t.Exception!.Message), TaskContinuationOptions.OnlyOnFaulted);
                await send;
                await channel.Reader.ReadAsync();
            }
        }
        """);

    [Fact]
    public Task StatementsInAnAsyncFunction_AreLeftToTheCompilersWarning() => VerifyAsync("""
        #pragma warning disable CS4014
        public class Function
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Sqs.SendMessageAsync("https://queue", "a");
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task CompletedTasksJoinedThreadsAndPlainCalls_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                Task.FromResult(1);
                Task.FromException(new InvalidOperationException());
                var worker = new Thread(() => context.Logger.LogInformation("worker"));
                worker.Start();
                worker.Join();
                evt.Records.ForEach(record => context.Logger.LogInformation(record.Body));
                Parallel.ForEach(evt.Records, record => context.Logger.LogInformation(record.Body));
                Log(context);
            }

            private static void Log(ILambdaContext context) => context.Logger.LogInformation("done");
        }
        """);

    [Fact]
    public Task EventSubscriptionsAndCodeNoHandlerReaches_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public static event EventHandler? Finished;

            static Function()
            {
                _ = Task.Run(() => Console.WriteLine("warm-up at init"));
            }

            public Function()
            {
                Finished += async (sender, args) => await Task.Delay(1);
                ThreadPool.QueueUserWorkItem(_ => Console.WriteLine("init"));
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }

        public class BackgroundService
        {
            public void Start() => _ = Task.Run(() => Console.WriteLine("hosted"));
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        public class Worker
        {
            public void Handle(string input) => _ = Task.Run(() => { });
        }
        """, Stubs.None);

    // ---- broken and incomplete code ----

    [Fact]
    public async Task SyntaxErrors_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        _ = {|#0:Task.Run(() => { })|}{|CS1002:|}
                        _ = Task.{|CS1501:Run|}();
                        new {|CS1729:Thread|}().Start();
                        evt.Records.ForEach({|CS0103:async|});
                        evt.Records.ForEach({|#1:async|} r => {|CS1525:)|};
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(TaskOf(0, "Run"));

        // An unfinished async lambda is still an async lambda handed to a void delegate.
        test.ExpectedDiagnostics.Add(NotAwaited(1, "The async lambda passed as a void delegate"));
        await test.RunAsync();
    }

    [Fact]
    public Task UnresolvedTypes_DoNotThrow() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = {|CS0103:Missing|}.RunAsync();
                _ = new {|CS0246:MissingThread|}().Start();
                {|CS0103:Unknown|}(async () => await Task.Delay(1));
                await Task.CompletedTask;
            }
        }
        """);

    // ---- live analysis ----

    private const string FunctionFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _ = Task.Run(() => context.Logger.LogInformation("x"));
                await Worker.RunAsync();
            }
        }
        """;

    private const string WorkerFile = """
        using System.Threading.Tasks;

        public static class Worker
        {
            public static Task RunAsync()
            {
                _ = Task.Run(() => { });
                return Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public async Task DocumentAnalysisOfHandlerFile_ReportsLive_OtherFileAtCompilationEnd()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Worker.cs", WorkerFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP203FinishBackgroundWorkRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var live = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var single = Assert.Single(live, d => d.Id == "LBP203");
        Assert.Equal(8, single.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, single.Descriptor.CustomTags);

        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var crossType = Assert.Single(all, d => d.Location.SourceTree!.FilePath == "Worker.cs");
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, crossType.Descriptor.CustomTags);
    }
}
