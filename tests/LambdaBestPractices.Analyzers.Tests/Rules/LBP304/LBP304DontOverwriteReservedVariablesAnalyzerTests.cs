using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP304DontOverwriteReservedVariablesRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP304DontOverwriteReservedVariablesAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        """;

    private const string CdkUsings = """
        using System;
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private const string Process = "the runtime sets it, and overwriting it changes what the runtime and the AWS SDK read for the rest of the execution environment's life";
    private const string Cdk = "Lambda rejects it in a function's configuration, so the deployment fails";
    private const string Trace = "the runtime sets it for every invocation, and a value set by the code mixes another trace into this invocation's";

    /// <summary>A function project (a library that references every API surface; a CDK app is an executable).</summary>
    private const Stubs FunctionProject = Stubs.All;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, FunctionProject, expected);

    private static Task VerifyCdkAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(CdkUsings + source, Stubs.Cdk, expected);

    private static DiagnosticResult Reserved(int location, string key, string consequence) =>
        Verify.Diagnostic(Descriptors.LBP304_DontOverwriteReservedVariables).WithLocation(location).WithArguments(key, consequence);

    // ---- flagged: the process ----

    [Fact]
    public Task ReservedKeysSetInFunctionCode_Report() => VerifyAsync("""
        public class Function
        {
            private const string RegionVariable = "AWS_REGION";

            static Function()
            {
                Environment.SetEnvironmentVariable({|#0:"AWS_DEFAULT_REGION"|}, "eu-west-1");
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var traceHeader = evt.Records[0].Attributes["AWSTraceHeader"];
                Environment.SetEnvironmentVariable({|#1:"_X_AMZN_TRACE_ID"|}, traceHeader);
                Environment.SetEnvironmentVariable({|#2:RegionVariable|}, "us-east-1");
                Environment.SetEnvironmentVariable({|#3:"AWS_ACCESS_KEY_ID"|}, null);
                return Task.CompletedTask;
            }
        }
        """,
        Reserved(0, "AWS_DEFAULT_REGION", Process),
        Reserved(1, "_X_AMZN_TRACE_ID", Trace),
        Reserved(2, "AWS_REGION", Process),
        Reserved(3, "AWS_ACCESS_KEY_ID", Process));

    [Fact]
    public Task EveryReservedKey_Reports()
    {
        var test = new Verify.Test { Stubs = FunctionProject };
        var body = new System.Text.StringBuilder();
        var index = 0;
        // _X_AMZN_TRACE_ID is checked on its own (ReservedKeysSetInFunctionCode_Report): a file that names
        // AWS_LAMBDA_RUNTIME_API, as this one does, is a custom runtime's, which sets the trace header itself.
        foreach (var key in LambdaBestPractices.Analyzers.Rules.LBP304DontOverwriteReservedVariablesRule.ReservedKeys)
        {
            if (key == "_X_AMZN_TRACE_ID")
            {
                continue;
            }

            body.Append("        Environment.SetEnvironmentVariable({|#").Append(index).Append(":\"").Append(key).Append("\"|}, \"x\");\n");
            test.ExpectedDiagnostics.Add(Reserved(index++, key, Process));
        }

        test.TestCode = Usings + "public class Function\n{\n    public void Handle(SQSEvent evt, ILambdaContext context)\n    {\n" + body + "    }\n}\n";
        Assert.Equal(17, index);
        return test.RunAsync();
    }

    // ---- flagged: CDK ----

    [Fact]
    public Task ReservedKeysInACdkFunctionsEnvironment_Report() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var api = new Function(this, "Api", new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "Api::Api.Function::Handle",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string>
                    {
                        { "TABLE_NAME", "orders" },
                        { {|#0:"AWS_REGION"|}, "eu-west-1" },
                    },
                });
                new Function(this, "Admin", new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "Admin::Admin.Function::Handle",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string> { [{|#1:"_HANDLER"|}] = "Admin::Admin.Function::Handle" },
                });
                api.AddEnvironment({|#2:"AWS_LAMBDA_FUNCTION_MEMORY_SIZE"|}, "512");
                api.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", "/opt/wrapper");

                var environment = new Dictionary<string, string>();
                environment[{|#3:"LAMBDA_TASK_ROOT"|}] = "/var/task";
                new Function(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment });
            }
        }
        """, Reserved(0, "AWS_REGION", Cdk), Reserved(1, "_HANDLER", Cdk), Reserved(2, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Cdk), Reserved(3, "LAMBDA_TASK_ROOT", Cdk));

    [Fact]
    public Task DictionaryHandedToAnotherMethod_ReportsAtCompilationEnd()
    {
        var test = new Verify.Test { Stubs = Stubs.Cdk, TestCode = CdkUsings + """
            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string> { [{|#0:"AWS_DEFAULT_REGION"|}] = "eu-west-1", ["TABLE_NAME"] = "orders" };
                    Functions.Create(this, "Api", environment);
                }
            }

            public static class Functions
            {
                public static Function Create(Construct scope, string id, Dictionary<string, string> environment) =>
                    new Function(scope, id, new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment });
            }
            """ };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP304_DontOverwriteReservedVariables_CrossType).WithLocation(0).WithArguments("AWS_DEFAULT_REGION", Cdk));
        return test.RunAsync();
    }

    // ---- not flagged ----

    [Fact]
    public Task ReadsOwnVariablesAndLookAlikes_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = Environment.GetEnvironmentVariable("AWS_REGION");
                Environment.SetEnvironmentVariable("ORDERS_REGION", region);
                Environment.SetEnvironmentVariable("aws_region", "lower case is another variable");
                Environment.SetEnvironmentVariable("AWS_LAMBDA_EXEC_WRAPPER", "/opt/wrapper");
                Environment.SetEnvironmentVariable("AWS_REGION_OVERRIDE", "eu-west-1");
                Environment.SetEnvironmentVariable(evt.Records[0].Body, "a name the code does not fix");
                new Settings().SetEnvironmentVariable("AWS_REGION", "eu-west-1");
                return Task.CompletedTask;
            }
        }

        public class Settings
        {
            public void SetEnvironmentVariable(string name, string value)
            {
            }
        }
        """);

    /// <summary>A custom runtime sets the trace header from the Runtime API, as AWS documents.</summary>
    [Fact]
    public Task CustomRuntimeSettingTheTraceHeader_DoesNotReport() => VerifyAsync("""
        public static class RuntimeLoop
        {
            private static readonly string Api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") ?? "";

            public static void OnInvocation(System.Net.Http.HttpResponseMessage next, ILambdaContext context)
            {
                var traceId = next.Headers.GetValues("Lambda-Runtime-Trace-Id").ToString();
                Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", traceId);
            }
        }
        """);

    /// <summary>
    /// A CDK app (an executable that references the CDK, here also the function's Lambda packages) runs at synth: setting
    /// the region for its own SDK calls is not the function's environment.
    /// </summary>
    [Fact]
    public async Task ProcessWritesInACdkApp_DoNotReport()
    {
        var test = new Verify.Test
        {
            Stubs = Stubs.Cdk | Stubs.LambdaCore,
            TestCode = CdkUsings + """
                public static class Program
                {
                    public static void Main()
                    {
                        Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
                        var app = new App();
                        app.Synth();
                    }
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task DictionaryThatIsNoFunctionsEnvironment_DoesNotReport() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var tags = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" };
                Console.WriteLine(tags["AWS_REGION"]);
            }
        }
        """);

    [Fact]
    public async Task TestProjects_DoNotReport()
    {
        var test = new Verify.Test
        {
            Stubs = FunctionProject,
            TestCode = Usings + """
                public class FunctionTests
                {
                    public void Setup()
                    {
                        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
                        Environment.SetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME", "orders");
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;

        public class Tool
        {
            public void Run() => Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
        }
        """, Stubs.None);

    // ---- broken and incomplete code ----

    [Fact]
    public Task BrokenCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                Environment.{|CS1501:SetEnvironmentVariable|}("AWS_REGION");
                Environment.SetEnvironmentVariable({|CS0103:Missing|}, "x");
                Environment.SetEnvironmentVariable("AWS_REGION", {|CS0103:Unknown|});
                Environment.{|CS1501:SetEnvironmentVariable|}();
            }
        }
        """);
}
