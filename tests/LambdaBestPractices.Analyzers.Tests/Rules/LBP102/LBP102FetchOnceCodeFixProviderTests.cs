using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP102FetchConfigurationOnceRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP102FetchOnceCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP102FetchOnceCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP102FetchOnceCodeFixProvider.EquivalenceKey);

    private static Task VerifyNoFixAsync(string source) => Verify.VerifyNoCodeFixAsync(Usings + source);

    [Fact]
    public Task ParameterReadInTheHandler_IsKeptInAStaticField() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string EndpointParameter = Environment.GetEnvironmentVariable("ENDPOINT_PARAMETER") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // the partner's endpoint
                var endpoint = await {|LBP102:Ssm.GetParameterAsync(new GetParameterRequest { Name = EndpointParameter })|}; // per call today
                context.Logger.LogInformation(endpoint.Parameter.Value);
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string EndpointParameter = Environment.GetEnvironmentVariable("ENDPOINT_PARAMETER") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // the partner's endpoint
                var endpoint = await FetchEndpointParameterAsync(); // per call today
                context.Logger.LogInformation(endpoint.Parameter.Value);
            }

            // LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).
            private static Task<GetParameterResponse> s_endpointParameterFetch;

            private static Task<GetParameterResponse> FetchEndpointParameterAsync() =>
                s_endpointParameterFetch is { IsFaulted: false, IsCanceled: false } fetched ? fetched : s_endpointParameterFetch = Ssm.GetParameterAsync(new GetParameterRequest { Name = EndpointParameter });
        }
        """);

    [Fact]
    public Task TwoSecrets_WithNullableAnnotations_FixAll() => VerifyFixAsync("""
        #nullable enable
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var token = (await {|LBP102:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/token" })|}).SecretString;
                var db = (await {|LBP102:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|}).SecretString;
                context.Logger.LogInformation($"{db.Length} {token.Length}");
            }
        }
        """, """
        #nullable enable
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var token = (await FetchSecretAsync()).SecretString;
                var db = (await FetchSecret2Async()).SecretString;
                context.Logger.LogInformation($"{db.Length} {token.Length}");
            }

            // LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).
            private static Task<GetSecretValueResponse>? s_secretFetch;

            private static Task<GetSecretValueResponse> FetchSecretAsync() =>
                s_secretFetch is { IsFaulted: false, IsCanceled: false } fetched ? fetched : s_secretFetch = Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/token" });

            // LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).
            private static Task<GetSecretValueResponse>? s_secret2Fetch;

            private static Task<GetSecretValueResponse> FetchSecret2Async() =>
                s_secret2Fetch is { IsFaulted: false, IsCanceled: false } fetched ? fetched : s_secret2Fetch = Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" });
        }
        """);

    [Fact]
    public Task NamesHiddenAtTheSite_AndRegions_AreAvoided() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string fetched = "endpoint";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var r = await {|LBP102:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/" + fetched })|};
                context.Logger.LogInformation(r.Parameter.Value);

                static Task<GetParameterResponse> FetchParameterAsync() => Task.FromResult(new GetParameterResponse());
            }

        #if !LOCAL_RUN
            private static string Diagnostics() => "";
        #endif
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string fetched = "endpoint";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var r = await FetchParameter2Async();
                context.Logger.LogInformation(r.Parameter.Value);

                static Task<GetParameterResponse> FetchParameterAsync() => Task.FromResult(new GetParameterResponse());
            }

            // LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).
            private static Task<GetParameterResponse> s_parameter2Fetch;

            private static Task<GetParameterResponse> FetchParameter2Async() =>
                s_parameter2Fetch is { IsFaulted: false, IsCanceled: false } fetched2 ? fetched2 : s_parameter2Fetch = Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/" + fetched });

        #if !LOCAL_RUN
            private static string Diagnostics() => "";
        #endif
        }
        """);

    [Fact]
    public Task CrLfDocument_KeepsItsLineEndings() => Verify.VerifyCodeFixAsync(
        (Usings + """
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var r = await {|LBP102:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/endpoint" })|};
                context.Logger.LogInformation(r.Parameter.Value);
            }
        }
        """).Replace("\r\n", "\n").Replace("\n", "\r\n"),
        (Usings + """
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var r = await FetchParameterAsync();
                context.Logger.LogInformation(r.Parameter.Value);
            }

            // LBP102: fetched once per execution environment and kept (fetched again only if a fetch failed).
            private static Task<GetParameterResponse> s_parameterFetch;

            private static Task<GetParameterResponse> FetchParameterAsync() =>
                s_parameterFetch is { IsFaulted: false, IsCanceled: false } fetched ? fetched : s_parameterFetch = Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/endpoint" });
        }
        """).Replace("\r\n", "\n").Replace("\n", "\r\n"),
        LBP102FetchOnceCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task LocalFunctionsAndConditionalAccess_HaveNoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement? Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var a = await {|LBP102:Ssm!.GetParameterAsync(new GetParameterRequest { Name = ParameterName() })|};
                var b = await Ssm?{|LBP102:.GetParameterAsync(new GetParameterRequest { Name = "/app/endpoint" })|}!;
                context.Logger.LogInformation(a.Parameter.Value + b.Parameter.Value);

                static string ParameterName() => "/app/endpoint";
            }
        }
        """);

    [Fact]
    public Task RequestMadeOfTheInvocation_HasNoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var name = "/tenants/" + evt.Records[0].Body;
                var tenant = await {|LBP102:Ssm.GetParameterAsync(new GetParameterRequest { Name = name })|};
                var secret = await {|LBP102:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|};
                context.Logger.LogInformation($"{tenant.Parameter.Value.Length} {secret.SecretString.Length}");
            }
        }
        """);
}
