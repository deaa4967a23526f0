using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP301KeepSecretsOutOfEnvironmentRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP301KeepSecretsOutOfEnvironmentCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP301KeepSecretsOutOfEnvironmentCodeFixProviderTests
{
    private const string ParameterStore = LBP301KeepSecretsOutOfEnvironmentCodeFixProvider.LoadFromParameterStoreKey;
    private const string SecretsManager = LBP301KeepSecretsOutOfEnvironmentCodeFixProvider.LoadFromSecretsManagerKey;

    /// <summary>The restored set without AWSSDK.SimpleSystemsManagement (and, without its stub, no AWSSDK.SecretsManager either).</summary>
    private static readonly ImmutableArray<MetadataReference> WithoutSsm = ReferenceSets.Net80WithAwsExcept("AWSSDK.SimpleSystemsManagement");

    private const string Handler = """
        using System;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var password = {|LBP301:Environment.GetEnvironmentVariable("DB_PASSWORD")|};
                return "Password=" + password;
            }
        }
        """;

    [Fact]
    public Task ParameterStore_LoadsOnceIntoAStaticFieldNamedByANewVariable() => Verify.VerifyCodeFixAsync(Handler, """
        using System;
        using Amazon.Lambda.Core;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Function
        {
            // LBP301: loaded once per execution environment from the Parameter Store SecureString named by DB_PASSWORD_PARAMETER.
            private static readonly string DbPassword = LoadDbPassword();

            public string Handle(string input, ILambdaContext context)
            {
                var password = DbPassword;
                return "Password=" + password;
            }

            private static string LoadDbPassword()
            {
                var parameterName = Environment.GetEnvironmentVariable("DB_PASSWORD_PARAMETER")
                    ?? throw new InvalidOperationException("Set DB_PASSWORD_PARAMETER to the name of the SecureString parameter that holds DB_PASSWORD.");
                using var ssm = new AmazonSimpleSystemsManagementClient();
                var response = ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                return response.Parameter.Value;
            }
        }
        """, ParameterStore);

    /// <summary>A variable that says nothing, read into a secret-named local: the fix loads it like any secret, by its own name.</summary>
    [Fact]
    public Task ReadIntoASecretNamedLocal_LoadsTheVariableOnce() => Verify.VerifyCodeFixAsync("""
        using System;
        using Amazon.Lambda.Core;

        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var password = {|LBP301:Environment.GetEnvironmentVariable("VALUE")|};
                return "Password=" + password;
            }
        }
        """, """
        using System;
        using Amazon.Lambda.Core;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Function
        {
            // LBP301: loaded once per execution environment from the Parameter Store SecureString named by VALUE_PARAMETER.
            private static readonly string Value = LoadValue();

            public string Handle(string input, ILambdaContext context)
            {
                var password = Value;
                return "Password=" + password;
            }

            private static string LoadValue()
            {
                var parameterName = Environment.GetEnvironmentVariable("VALUE_PARAMETER")
                    ?? throw new InvalidOperationException("Set VALUE_PARAMETER to the name of the SecureString parameter that holds VALUE.");
                using var ssm = new AmazonSimpleSystemsManagementClient();
                var response = ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                return response.Parameter.Value;
            }
        }
        """, ParameterStore);

    [Fact]
    public Task SecretsManager_LoadsOnceIntoAStaticFieldNamedByANewVariable() => Verify.VerifyCodeFixAsync(Handler, """
        using System;
        using Amazon.Lambda.Core;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;

        public class Function
        {
            // LBP301: loaded once per execution environment from the Secrets Manager secret named by DB_PASSWORD_SECRET_ID.
            private static readonly string DbPassword = LoadDbPassword();

            public string Handle(string input, ILambdaContext context)
            {
                var password = DbPassword;
                return "Password=" + password;
            }

            private static string LoadDbPassword()
            {
                var secretId = Environment.GetEnvironmentVariable("DB_PASSWORD_SECRET_ID")
                    ?? throw new InvalidOperationException("Set DB_PASSWORD_SECRET_ID to the name or ARN of the secret that holds DB_PASSWORD.");
                using var secretsManager = new AmazonSecretsManagerClient();
                var response = secretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).GetAwaiter().GetResult();
                return response.SecretString;
            }
        }
        """, SecretsManager);

    [Fact]
    public Task ReadInStaticInitializer_FieldGoesFirstSoItIsInitializedBefore() => Verify.VerifyCodeFixAsync("""
        namespace Orders
        {
            using Amazon.Lambda.Core;

            public static class Settings
            {
                public static readonly string ConnectionString = $"Host=db;Password={{|LBP301:System.Environment.GetEnvironmentVariable("dbPassword")|}}";
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => Settings.ConnectionString;
            }
        }
        """, """
        namespace Orders
        {
            using System;
            using Amazon.Lambda.Core;
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;

            public static class Settings
            {
                // LBP301: loaded once per execution environment from the Parameter Store SecureString named by DB_PASSWORD_PARAMETER.
                private static readonly string DbPassword = LoadDbPassword();

                public static readonly string ConnectionString = $"Host=db;Password={DbPassword}";

                private static string LoadDbPassword()
                {
                    var parameterName = Environment.GetEnvironmentVariable("DB_PASSWORD_PARAMETER")
                        ?? throw new InvalidOperationException("Set DB_PASSWORD_PARAMETER to the name of the SecureString parameter that holds dbPassword.");
                    using var ssm = new AmazonSimpleSystemsManagementClient();
                    var response = ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                    return response.Parameter.Value;
                }
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => Settings.ConnectionString;
            }
        }
        """, ParameterStore);

    [Fact]
    public Task FixAll_OneFieldPerVariableAndType() => Verify.VerifyCodeFixAsync("""
        using System;
        using Amazon.Lambda.Core;

        public class Function
        {
            private const string TokenVariable = "GITHUB_TOKEN";

            public string Handle(string input, ILambdaContext context)
            {
                var first = {|LBP301:Environment.GetEnvironmentVariable("API_KEY")|};
                var second = {|LBP301:Environment.GetEnvironmentVariable("API_KEY")|};
                return first + second + {|LBP301:Environment.GetEnvironmentVariable(TokenVariable)|};
            }
        }
        """, """
        using System;
        using Amazon.Lambda.Core;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;

        public class Function
        {
            // LBP301: loaded once per execution environment from the Secrets Manager secret named by GITHUB_TOKEN_SECRET_ID.
            private static readonly string GithubToken = LoadGithubToken();

            // LBP301: loaded once per execution environment from the Secrets Manager secret named by API_KEY_SECRET_ID.
            private static readonly string ApiKey = LoadApiKey();

            private const string TokenVariable = "GITHUB_TOKEN";

            public string Handle(string input, ILambdaContext context)
            {
                var first = ApiKey;
                var second = ApiKey;
                return first + second + GithubToken;
            }

            private static string LoadApiKey()
            {
                var secretId = Environment.GetEnvironmentVariable("API_KEY_SECRET_ID")
                    ?? throw new InvalidOperationException("Set API_KEY_SECRET_ID to the name or ARN of the secret that holds API_KEY.");
                using var secretsManager = new AmazonSecretsManagerClient();
                var response = secretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).GetAwaiter().GetResult();
                return response.SecretString;
            }

            private static string LoadGithubToken()
            {
                var secretId = Environment.GetEnvironmentVariable("GITHUB_TOKEN_SECRET_ID")
                    ?? throw new InvalidOperationException("Set GITHUB_TOKEN_SECRET_ID to the name or ARN of the secret that holds GITHUB_TOKEN.");
                using var secretsManager = new AmazonSecretsManagerClient();
                var response = secretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).GetAwaiter().GetResult();
                return response.SecretString;
            }
        }
        """, SecretsManager);

    [Fact]
    public async Task NameTaken_PicksAnotherAndTheFixedCodeCompilesWithoutWarnings()
    {
        var test = new Verify.Test
        {
            TestCode = """
                #nullable enable
                using System;
                using Amazon.Lambda.Core;

                internal class Function
                {
                    private readonly string DbPassword = "";

                    public string Handle(string input, ILambdaContext context) =>
                        DbPassword + ({|LBP301:Environment.GetEnvironmentVariable("DB_PASSWORD")|} ?? "");
                }
                """,
            FixedCode = """
                #nullable enable
                using System;
                using Amazon.Lambda.Core;
                using Amazon.SimpleSystemsManagement;
                using Amazon.SimpleSystemsManagement.Model;

                internal class Function
                {
                    // LBP301: loaded once per execution environment from the Parameter Store SecureString named by DB_PASSWORD_PARAMETER.
                    private static readonly string DbPassword2 = LoadDbPassword2();

                    private readonly string DbPassword = "";

                    public string Handle(string input, ILambdaContext context) =>
                        DbPassword + (DbPassword2 ?? "");

                    private static string LoadDbPassword2()
                    {
                        var parameterName = Environment.GetEnvironmentVariable("DB_PASSWORD_PARAMETER")
                            ?? throw new InvalidOperationException("Set DB_PASSWORD_PARAMETER to the name of the SecureString parameter that holds DB_PASSWORD.");
                        using var ssm = new AmazonSimpleSystemsManagementClient();
                        var response = ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                        return response.Parameter.Value;
                    }
                }
                """,
            CodeActionEquivalenceKey = ParameterStore,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task FixedCode_TripsNoLambdaBestPracticesRule()
    {
        var fixedCode = """
            using System;
            using Amazon.Lambda.Core;
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;

            public class Function
            {
                // LBP301: loaded once per execution environment from the Parameter Store SecureString named by DB_PASSWORD_PARAMETER.
                private static readonly string DbPassword = LoadDbPassword();

                public string Handle(string input, ILambdaContext context)
                {
                    var password = DbPassword;
                    return "Password=" + password;
                }

                private static string LoadDbPassword()
                {
                    var parameterName = Environment.GetEnvironmentVariable("DB_PASSWORD_PARAMETER")
                        ?? throw new InvalidOperationException("Set DB_PASSWORD_PARAMETER to the name of the SecureString parameter that holds DB_PASSWORD.");
                    using var ssm = new AmazonSimpleSystemsManagementClient();
                    var response = ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                    return response.Parameter.Value;
                }
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", fixedCode));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(diagnostics);
    }

    // ---- which fixes are offered ----

    [Fact]
    public async Task BothStoresReferenced_OffersBoth() =>
        Assert.Equal(new[] { ParameterStore, SecretsManager }, await OfferedKeysAsync(Handler, ReferenceSets.Net80WithAws, Stubs.All));

    [Fact]
    public async Task OnlyParameterStoreReferenced_OffersParameterStore() =>
        Assert.Equal(new[] { ParameterStore }, await OfferedKeysAsync(Handler, ReferenceSets.Net80WithAws, Stubs.LambdaCore));

    [Fact]
    public async Task OnlySecretsManagerReferenced_OffersSecretsManager() =>
        Assert.Equal(new[] { SecretsManager }, await OfferedKeysAsync(Handler, WithoutSsm, Stubs.LambdaCore | Stubs.SdkSecretsManager));

    [Fact]
    public async Task NeitherStoreReferenced_OffersNoFix() =>
        Assert.Empty(await OfferedKeysAsync(Handler, WithoutSsm, Stubs.LambdaCore));

    [Fact]
    public async Task TopLevelStatements_OffersNoFix()
    {
        const string source = """
                using System;
                using Amazon.Lambda.Core;

                var password = {|LBP301:Environment.GetEnvironmentVariable("DB_PASSWORD")|};
                Console.WriteLine(password is null);

                public class Function
                {
                    public void Handle(string input, ILambdaContext context) { }
                }
                """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task SetEnvironmentVariableAndCdk_OfferNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.Lambda.Core;
        using Constructs;

        public class Function
        {
            public void Handle(string input, ILambdaContext context) =>
                {|LBP301:Environment.SetEnvironmentVariable("DB_PASSWORD", "not-a-real-password")|};
        }

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var fn = new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish") });
                fn.AddEnvironment("API_KEY", {|LBP301:"not-a-real-key"|});
            }
        }
        """.Replace("var fn = new Function(", "var fn = new Amazon.CDK.AWS.Lambda.Function("));

    /// <summary>
    /// <c>dotnet format analyzers --diagnostics LBP301 LBP302</c> runs the package's one analyzer, asks the LBP301 fix for an
    /// action on the first diagnostic it holds (here LBP302's, so no action and no key), then runs Fix All in the solution
    /// with a null key: the fix applies the first action each site offers, Secrets Manager when only it is referenced.
    /// </summary>
    [Fact]
    public async Task BulkFixWithoutKey_AppliesTheFirstOfferedStore()
    {
        const string source = """
            using System;
            using Amazon.Lambda.Core;
            using Amazon.Runtime;
            using Amazon.S3;

            public class Function
            {
                private static readonly IAmazonS3 Archive = new AmazonS3Client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

                public string Handle(string input, ILambdaContext context)
                {
                    var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                    return "Password=" + password;
                }
            }
            """;
        using var workspace = new AdhocWorkspace();
        var (document, diagnostics) = await AnalyzeAsync(workspace, source, WithoutSsm, Stubs.LambdaCore | Stubs.SdkSecretsManager, AnalyzerCatalog.Analyzers);
        Assert.Equal(new[] { "LBP302", "LBP301" }, diagnostics.OrderBy(d => d.Id == "LBP301").Select(d => d.Id));

        var fixer = new LBP301KeepSecretsOutOfEnvironmentCodeFixProvider();
        var first = diagnostics.Single(d => d.Id == "LBP302");
        CodeAction? action = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
        Assert.Null(action);

        var fixAll = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, new[] { "LBP301" }, new Diagnostics(diagnostics), CancellationToken.None);
        var fixAllAction = await fixer.GetFixAllProvider().GetFixAsync(fixAll);
        var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None);
        var text = (await operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("var password = DbPassword;", text);
        Assert.Contains("new AmazonSecretsManagerClient()", text);
    }

    /// <summary>The equivalence keys of the fixes offered for the first LBP301 diagnostic of <paramref name="source"/>.</summary>
    private static async Task<string[]> OfferedKeysAsync(string source, ImmutableArray<MetadataReference> baseReferences, Stubs stubs)
    {
        using var workspace = new AdhocWorkspace();
        var (document, diagnostics) = await AnalyzeAsync(
            workspace, source.Replace("{|LBP301:", "").Replace("|}", ""), baseReferences, stubs,
            ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP301KeepSecretsOutOfEnvironmentRule>()));
        var diagnostic = Assert.Single(diagnostics);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new LBP301KeepSecretsOutOfEnvironmentCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions.Select(a => a.EquivalenceKey!).ToArray();
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(
        AdhocWorkspace workspace, string source, ImmutableArray<MetadataReference> baseReferences, Stubs stubs, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: baseReferences.AddRange(ApiSurface.References(stubs))));
        var document = workspace.AddDocument(project.Id, "Function.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));

        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (document, await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None));
    }

    /// <summary>Fix All's diagnostics, as a bulk tool hands them over: every diagnostic it holds, of any rule.</summary>
    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Diagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
