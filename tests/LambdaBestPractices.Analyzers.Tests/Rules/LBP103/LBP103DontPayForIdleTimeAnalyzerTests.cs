using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP103DontPayForIdleTimeRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP103DontPayForIdleTimeAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Waits(int location, string call, string seconds) =>
        Verify.Diagnostic(Descriptors.LBP103_DontPayForIdleTime).WithLocation(location).WithArguments(call, "waits " + seconds);

    private static DiagnosticResult Polls(int location, string read, string call = "Task.Delay") =>
        Verify.Diagnostic(Descriptors.LBP103_DontPayForIdleTime).WithLocation(location).WithArguments(call, "waits between calls to '" + read + "' in a polling loop");

    // ---- flagged: waits of a second or more ----

    [Fact]
    public Task ThreadSleepAndTaskDelayOfSeconds_Report() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                {|#0:Thread.Sleep(5000)|};
                await {|#1:Task.Delay(1000)|};
                await {|#2:Task.Delay(2500, CancellationToken.None)|}.ConfigureAwait(false);
            }
        }
        """, Waits(0, "Thread.Sleep", "5 s"), Waits(1, "Task.Delay", "1 s"), Waits(2, "Task.Delay", "2.5 s"));

    [Fact]
    public Task TimeSpans_ReportTheirLength() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Task.Delay(TimeSpan.FromSeconds(30))|};
                await {|#1:Task.Delay(TimeSpan.FromMinutes(2))|};
                {|#2:Thread.Sleep(TimeSpan.FromMilliseconds(1500))|};
                await {|#3:Task.Delay(new TimeSpan(0, 0, 15))|};
                await {|#4:Task.Delay(TimeSpan.FromHours(1))|};
            }
        }
        """,
        Waits(0, "Task.Delay", "30 s"), Waits(1, "Task.Delay", "2 min"), Waits(2, "Thread.Sleep", "1.5 s"), Waits(3, "Task.Delay", "15 s"), Waits(4, "Task.Delay", "1 h"));

    [Fact]
    public Task ConstantsFieldsAndLocals_Report() => VerifyAsync("""
        public class Function
        {
            private const int PauseMilliseconds = 3 * 1000;
            private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
            private static readonly int CoolDown = 4000;
            private readonly TimeSpan _grace = new TimeSpan(0, 1, 0);

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Task.Delay(PauseMilliseconds)|};
                await {|#1:Task.Delay(Settle)|};
                {|#2:Thread.Sleep(CoolDown)|};
                await {|#3:Task.Delay(_grace)|};
                var wait = TimeSpan.FromSeconds(20);
                await {|#4:Task.Delay(wait)|};
            }
        }
        """,
        Waits(0, "Task.Delay", "3 s"), Waits(1, "Task.Delay", "10 s"), Waits(2, "Thread.Sleep", "4 s"), Waits(3, "Task.Delay", "1 min"), Waits(4, "Task.Delay", "20 s"));

    [Fact]
    public Task HelperReachedFromTheHandler_Reports() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await ProcessAsync(record.Body);
                }
            }

            private static async Task ProcessAsync(string body)
            {
                await {|#0:Task.Delay(TimeSpan.FromSeconds(5))|};
            }
        }
        """, Waits(0, "Task.Delay", "5 s"));

    // ---- flagged: polling loops ----

    [Fact]
    public Task WhileLoopAroundDescribe_ReportsAPollingLoop() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var status = TableStatus.CREATING;
                while (status != TableStatus.ACTIVE)
                {
                    await {|#0:Task.Delay(500)|};
                    var response = await Dynamo.DescribeTableAsync("orders");
                    status = response.Table.TableStatus;
                }
            }
        }
        """, Polls(0, "DescribeTableAsync"));

    [Fact]
    public Task DoLoopAndStatusInTheCondition_ReportPollingLoops() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var interval = Random.Shared.Next(100, 300);
                DescribeTableResponse response;
                do
                {
                    {|#0:Thread.Sleep(interval)|};
                    response = await Dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = "orders" });
                }
                while (response.Table.TableStatus != TableStatus.ACTIVE);

                while ((await Dynamo.DescribeTableAsync("audit")).Table.TableStatus != TableStatus.ACTIVE)
                {
                    await {|#1:Task.Delay(200)|};
                }
            }
        }
        """, Polls(0, "DescribeTableAsync", "Thread.Sleep"), Polls(1, "DescribeTableAsync"));

    [Fact]
    public Task LongWaitInAPollingLoop_ReportsItsLength() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                while ((await Dynamo.DescribeTableAsync("orders")).Table.TableStatus != TableStatus.ACTIVE)
                {
                    await {|#0:Task.Delay(TimeSpan.FromSeconds(5))|};
                }
            }
        }
        """, Waits(0, "Task.Delay", "5 s"));

    // ---- not flagged ----

    [Fact]
    public Task ShortDelays_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Thread.Sleep(100);
                await Task.Delay(999);
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                await Task.Delay(0);
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }
        }
        """);

    [Fact]
    public Task DelayAwaitedThroughALocalOrBlockedOn_Reports() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var pause = {|#0:Task.Delay(3000)|};
                await pause;
                {|#1:Task.Delay(2000)|}.Wait();
                {|#2:Task.Delay(TimeSpan.FromSeconds(4))|}.GetAwaiter().GetResult();
            }
        }
        """, Waits(0, "Task.Delay", "3 s"), Waits(1, "Task.Delay", "2 s"), Waits(2, "Task.Delay", "4 s"));

    /// <summary>A delay handed to other code is a timeout or a watchdog: the function waits for the work, not for the delay.</summary>
    [Fact]
    public Task TimeoutsAndWatchdogs_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var work = Task.Run(() => evt.Records.Count);
                var done = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(10)));
                var watchdog = Task.Delay(30_000);
                await Task.WhenAny(work, watchdog);
                _ = Task.Delay(5000).ContinueWith(_ => context.Logger.LogInformation("late"));
            }
        }
        """);

    [Fact]
    public Task RetryBoundsInLocalsAndCountDowns_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();
            private static readonly int MaxAttempts = 4;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var maxRetries = 3;
                var retries = 0;
                while (retries < maxRetries)
                {
                    await Dynamo.DescribeTableAsync("orders");
                    retries++;
                    await Task.Delay(1000);
                }

                var left = 3;
                while (left-- > 0)
                {
                    await Dynamo.DescribeTableAsync("orders");
                    await Task.Delay(2000);
                }

                for (var attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
        """);

    [Fact]
    public Task LoopsOverCollectionsAndPagingTokens_AreNotPollingLoops() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var tables = new[] { "a", "b" };
                for (var i = 0; i < tables.Length; i++)
                {
                    await Dynamo.DescribeTableAsync(tables[i]);
                    await Task.Delay(200);
                }

                string? nextToken = null;
                do
                {
                    var page = await Dynamo.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = "orders" });
                    nextToken = page.TableName == "orders" ? null : page.TableName;
                    await Task.Delay(200);
                }
                while (!string.IsNullOrEmpty(nextToken));
            }
        }
        """);

    /// <summary>A cancellation token in the condition is no paging token: the loop still polls.</summary>
    [Fact]
    public Task PollingUntilCancelled_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();
            private readonly CancellationTokenSource _cts = new();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                while (!_cts.Token.IsCancellationRequested)
                {
                    var table = await Dynamo.DescribeTableAsync("orders");
                    if (table.Table.TableStatus == TableStatus.ACTIVE)
                    {
                        break;
                    }

                    await {|#0:Task.Delay(500)|};
                }
            }
        }
        """, Polls(0, "DescribeTableAsync"));

    [Fact]
    public Task LengthNotFixedByTheCode_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private readonly TimeSpan _pause;
            private static readonly TimeSpan Configured = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("PAUSE") ?? "0"));

            public Function() => _pause = TimeSpan.FromSeconds(3);

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var delay = evt.Records.Count * 1000;
                await Task.Delay(delay);
                await Task.Delay(TimeSpan.FromSeconds(delay));
                await Task.Delay(Configured);
                var jitter = Random.Shared.Next(2000);
                await Task.Delay(jitter);
            }
        }
        """);

    [Fact]
    public Task ReadonlyFieldAssignedInAConstructor_IsNotItsInitializer() => VerifyAsync("""
        public class Function
        {
            private readonly TimeSpan _pause = TimeSpan.FromSeconds(30);

            public Function(bool fast)
            {
                if (fast)
                {
                    _pause = TimeSpan.Zero;
                }
            }

            public async Task Handle(SQSEvent evt, ILambdaContext context) => await Task.Delay(_pause);
        }
        """);

    [Fact]
    public Task RetryBackOffs_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    var response = await Dynamo.DescribeTableAsync("orders");
                    if (response.Table.TableStatus == TableStatus.ACTIVE)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2));
                }

                var tries = 0;
                while (tries++ < 4 && !await IsReadyAsync())
                {
                    Thread.Sleep(1500);
                }

                while (true)
                {
                    try
                    {
                        await Dynamo.DescribeTableAsync("orders");
                        break;
                    }
                    catch (AmazonDynamoDBException)
                    {
                        await Task.Delay(2000);
                    }
                }

                await ExecuteWithRetryAsync(() => Dynamo.DescribeTableAsync("audit"));
            }

            private static Task<bool> IsReadyAsync() => Task.FromResult(true);

            private static async Task ExecuteWithRetryAsync(Func<Task> action)
            {
                while (true)
                {
                    await action();
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
        }
        """);

    [Fact]
    public Task RetryLocalFunction_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await BackoffAsync(3);

                static async Task BackoffAsync(int attempt) => await Task.Delay(TimeSpan.FromSeconds(attempt * 2 + 1));
            }
        }
        """);

    [Fact]
    public Task LoopsThatDoNotPoll_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // Throttling between writes: a short pause, no state is awaited.
                foreach (var record in evt.Records)
                {
                    await Dynamo.PutItemAsync(new PutItemRequest { TableName = "orders" });
                    await Task.Delay(100);
                }

                // Paging through results with a pause between pages.
                var request = new ListTablesRequest();
                ListTablesResponse page;
                do
                {
                    page = await Dynamo.ListTablesAsync(request);
                    request.ExclusiveStartTableName = page.LastEvaluatedTableName;
                    await Task.Delay(200);
                }
                while (page.LastEvaluatedTableName != null);

                // A loop over a list with a status read: each item once, not a wait for one state.
                foreach (var table in new[] { "a", "b" })
                {
                    await Dynamo.DescribeTableAsync(table);
                    await Task.Delay(300);
                }

                // A wait in a lambda created in the loop is the lambda's, and runs when something calls it.
                while (!context.RemainingTime.Equals(TimeSpan.Zero))
                {
                    Func<Task> later = () => Task.Delay(300);
                    await Dynamo.DescribeTableAsync("orders");
                    break;
                }
            }
        }
        """);

    [Fact]
    public Task PagingTokenInTheCondition_IsNotAPollingLoop() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new DescribeContributorInsightsRequest { TableName = "orders" };
                var response = new ListContributorInsightsResponse();
                while (response.NextToken != null)
                {
                    await Dynamo.DescribeContributorInsightsAsync(request);
                    await Task.Delay(200);
                }
            }
        }
        """);

    [Fact]
    public Task WaitsAtInit_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly string Warm = WarmUp();

            static Function()
            {
                Thread.Sleep(2000);
            }

            public Function()
            {
                Thread.Sleep(TimeSpan.FromSeconds(3));
            }

            private static string WarmUp()
            {
                Thread.Sleep(1000);
                return "warm";
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CodeNoHandlerReaches_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }

        public class Maintenance
        {
            public async Task RebuildAsync() => await Task.Delay(TimeSpan.FromMinutes(5));
        }
        """);

    [Fact]
    public Task LookAlikeMethods_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Scheduler.Sleep(5000);
                await Scheduler.Delay(5000);
                await new Timer2().Delay(TimeSpan.FromSeconds(5));
            }
        }

        public static class Scheduler
        {
            public static void Sleep(int milliseconds) { }

            public static Task Delay(int milliseconds) => Task.CompletedTask;
        }

        public class Timer2
        {
            public Task Delay(TimeSpan wait) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        public class Worker
        {
            public async Task Handle(string input)
            {
                Thread.Sleep(5000);
                await Task.Delay(5000);
            }
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
                        await {|#0:Task.Delay(5000)|}{|CS1002:|}
                        Thread.{|CS1501:Sleep|}();
                        await Task.Delay(TimeSpan.{|CS7036:FromSeconds|}());
                        while ({|CS1525:)|} { await Task.Delay(100); }
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Waits(0, "Task.Delay", "5 s"));
        await test.RunAsync();
    }

    [Fact]
    public Task UnresolvedTypes_DoNotThrow() => VerifyAsync("""
        public class Function
        {
            private static readonly {|CS0246:MissingSpan|} Pause = {|CS0103:MissingSpan|}.FromSeconds(5);

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Task.Delay({|CS0103:Unknown|});
                await Task.Delay(Pause);
                while (true)
                {
                    await {|CS0103:Missing|}.DescribeAsync();
                    await Task.Delay(100);
                }
            }
        }
        """);

    // ---- live analysis ----

    private const string FunctionFile = """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Thread.Sleep(2000);
                await Worker.RunAsync();
            }
        }
        """;

    private const string WorkerFile = """
        using System.Threading.Tasks;

        public static class Worker
        {
            public static Task RunAsync() => Task.Delay(10_000);
        }
        """;

    [Fact]
    public async Task DocumentAnalysisOfHandlerFile_ReportsLive_OtherFileAtCompilationEnd()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Worker.cs", WorkerFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP103DontPayForIdleTimeRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var live = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var single = Assert.Single(live, d => d.Id == "LBP103");
        Assert.Equal(9, single.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, single.Descriptor.CustomTags);

        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var crossType = Assert.Single(all, d => d.Location.SourceTree!.FilePath == "Worker.cs");
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, crossType.Descriptor.CustomTags);
        Assert.Contains("waits 10 s", crossType.GetMessage(), System.StringComparison.Ordinal);
    }
}
