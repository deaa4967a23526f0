using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP206DontMakeUniqueValuesAtInitRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP206DontMakeUniqueValuesAtInitAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Security.Cryptography;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Shared(int location, string field, string madeBy) =>
        Verify.Diagnostic(Descriptors.LBP206_DontMakeUniqueValuesAtInit).WithLocation(location).WithArguments(field, madeBy);

    private static DiagnosticResult SharedAtEnd(int location, string field, string madeBy) =>
        Verify.Diagnostic(Descriptors.LBP206_DontMakeUniqueValuesAtInit_CrossType).WithLocation(location).WithArguments(field, madeBy);

    // ---- flagged ----

    [Fact]
    public Task UniqueValuesMadeAtInitAndReadPerInvocation_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly string InstanceId = {|#0:Guid.NewGuid().ToString("N")|};
            private static readonly Random Jitter = {|#1:new Random()|};
            private static readonly DateTime StartedAt = {|#2:DateTime.UtcNow|};
            private static readonly byte[] Salt = {|#3:RandomNumberGenerator.GetBytes(16)|};
            private static readonly long Epoch;

            static Function()
            {
                Epoch = {|#4:Environment.TickCount64|};
                SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation($"{InstanceId} {Jitter.Next()} {StartedAt} {Salt.Length} {Epoch}");
                return Task.CompletedTask;
            }
        }
        """,
        Shared(0, "InstanceId", "Guid.NewGuid()"),
        Shared(1, "Jitter", "new Random()"),
        Shared(2, "StartedAt", "DateTime.UtcNow"),
        Shared(3, "Salt", "RandomNumberGenerator.GetBytes()"),
        Shared(4, "Epoch", "Environment.TickCount64"));

    [Fact]
    public Task HookInAnotherType_ReportsAtCompilationEnd_OncePerStore() => VerifyAsync("""
        public class Function
        {
            private readonly Random _random = {|#0:new Random(42)|};

            public Function()
            {
                Hooks.Register();
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation(_random.Next().ToString());
                context.Logger.LogInformation(Pick().ToString());
                return Task.CompletedTask;
            }

            private int Pick() => _random.Next(10);
        }

        public static class Hooks
        {
            public static void Register() => SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
        }
        """, SharedAtEnd(0, "_random", "new Random(seed)"));

    [Fact]
    public async Task OptionSaysSnapStart_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly Guid RunId = {|#0:Guid.NewGuid()|};

                    public Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        context.Logger.LogInformation(RunId.ToString());
                        return Task.CompletedTask;
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlambda_best_practices.snapstart = true\n"));
        test.ExpectedDiagnostics.Add(Shared(0, "RunId", "Guid.NewGuid()"));
        await test.RunAsync();
    }

    // ---- not flagged ----

    [Fact]
    public Task WithoutSnapStart_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly string InstanceId = Guid.NewGuid().ToString("N");

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation(InstanceId);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public async Task OptionFalse_TurnsTheRuleOff()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly Guid RunId = Guid.NewGuid();

                    static Function() => SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);

                    public Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        context.Logger.LogInformation(RunId.ToString());
                        return Task.CompletedTask;
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlambda_best_practices.snapstart = false\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task RegeneratedAfterRestoreAndPerInvocationValues_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static string s_instanceId = Guid.NewGuid().ToString();
            private static readonly DateTime BuiltAt = DateTime.UtcNow;
            private static readonly string Prefix = "orders";

            static Function()
            {
                SnapshotRestore.RegisterAfterRestore(() =>
                {
                    s_instanceId = Guid.NewGuid().ToString();
                    return ValueTask.CompletedTask;
                });
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var requestId = Guid.NewGuid();
                var roll = Random.Shared.Next(6);
                var token = RandomNumberGenerator.GetInt32(1000);
                context.Logger.LogInformation($"{s_instanceId} {requestId} {roll} {token} {Prefix} {DateTime.UtcNow}");
                return Task.CompletedTask;
            }

            private static string Describe() => BuiltAt.ToString("O");
        }
        """);

    [Fact]
    public Task ObjectsMadePerInvocationAndReadsAtInit_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly Guid InitId = Guid.NewGuid();
            private static readonly string Label = InitId.ToString();

            static Function() => SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var unit = new UnitOfWork();
                context.Logger.LogInformation(unit.Id.ToString() + Label.Length);
                return Task.CompletedTask;
            }
        }

        public class UnitOfWork
        {
            private readonly Guid _id = Guid.NewGuid();

            public Guid Id => _id;
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;

        public class Worker
        {
            private static readonly Guid Id = Guid.NewGuid();

            public string Run() => Id.ToString();
        }
        """, Stubs.None);

    // ---- broken and incomplete code ----

    [Fact]
    public Task BrokenCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            private static readonly {|CS0246:Missing|} Id = {|CS0103:Missing|}.NewGuid();
            private static readonly Guid Other = Guid.{|CS0117:Create|}();
            private static readonly Random Rng = new Random({|CS0103:seed|});

            static Function() => SnapshotRestore.RegisterAfterRestore(null!);

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation($"{Id} {Other} {Rng.Next()}");
                return Task.CompletedTask;
            }
        }
        """);
}
