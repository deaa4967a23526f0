using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.TestReferences;
using Microsoft.CodeAnalysis;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule>;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// ASP.NET Core on Lambda (issue 18, item 5): with Amazon.Lambda.AspNetCoreServer, the request pipeline runs once per
/// invocation, so controller actions, minimal-API endpoints and middleware are on the invocation path, and
/// <c>Program</c>/<c>Startup</c> are init. LBP101 (a client created per invocation) is the probe.
/// </summary>
public class AspNetCoreOnLambdaTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public Task ControllerActionsConstructorsAndInitializers_AreOnThePath() => VerifyAsync("""
        namespace Orders.Api
        {
            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
            {
                // Init runs once per execution environment.
                protected override void Init(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
                {
                    var s3 = new AmazonS3Client();
                }
            }

            [ApiController]
            [Route("orders")]
            public class OrdersController : ControllerBase
            {
                private readonly AmazonS3Client _archive = {|LBP101:new AmazonS3Client()|};
                private readonly AmazonS3Client _reports;

                public OrdersController()
                {
                    _reports = {|LBP101:new AmazonS3Client()|};
                }

                [HttpGet("{id}")]
                public async Task<IActionResult> Get(string id)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    await s3.ListBucketsAsync();
                    return Ok(id);
                }

                [NonAction]
                public AmazonS3Client Build() => new AmazonS3Client();

                public T Convert<T>() where T : new() => new T();

                public override string ToString() => new AmazonS3Client().ToString()!;

                private static AmazonS3Client Shared() => new AmazonS3Client();
            }

            public class HealthController : Controller
            {
                public IActionResult Index() => Ok({|LBP101:new AmazonS3Client()|});
            }

            // Not a controller: no ControllerBase, no [Controller].
            public class OrderMapper
            {
                public AmazonS3Client Map() => new AmazonS3Client();
            }
        }
        """, OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task MinimalApiEndpointsAndMiddleware_AreOnThePath_ProgramIsInit() => VerifyAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        var shared = new AmazonS3Client(); // init: once per execution environment
        builder.Services.AddSingleton<IAmazonS3>(shared);
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            var audit = {|LBP101:new AmazonS3Client()|};
            await next();
        });

        app.MapGet("/orders/{id}", async (string id) =>
        {
            var s3 = {|LBP101:new AmazonS3Client()|};
            await s3.ListBucketsAsync();
            return Results.Ok(id);
        });

        app.MapGet("/health", (IAmazonS3 s3) => Results.Ok());
        app.MapPost("/orders", Handlers.Create);
        app.UseMiddleware<TimingMiddleware>();
        app.Run();

        static class Handlers
        {
            public static IResult Create(HttpContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return Results.Ok();
            }
        }

        class TimingMiddleware
        {
            private readonly RequestDelegate _next;
            private readonly AmazonS3Client _s3 = new AmazonS3Client(); // a middleware is built once, with the pipeline

            public TimingMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                var metrics = {|LBP101:new AmazonS3Client()|};
                await _next(context);
            }
        }
        """, OutputKind.ConsoleApplication);

    [Fact]
    public Task ScopedServiceOfAController_IsBuiltPerRequest() => VerifyAsync("""
        namespace Orders.Api
        {
            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
                    services.AddScoped<OrderStore>();
                    services.AddSingleton<Catalog>();
                }
            }

            public class OrderStore
            {
                private readonly AmazonS3Client _s3 = {|LBP101:new AmazonS3Client()|};
            }

            public class Catalog
            {
                private readonly AmazonS3Client _s3 = new AmazonS3Client();
            }

            public class OrdersController : ControllerBase
            {
                public OrdersController(OrderStore store, Catalog catalog)
                {
                }
            }
        }
        """, OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task PageHandlersAndFactoryMiddleware_AreOnThePath() => VerifyAsync("""
        namespace Orders.Web
        {
            public class IndexModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
            {
                public void OnGet()
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                }

                public AmazonS3Client Helper() => new AmazonS3Client(); // not a handler: no On prefix, not called
            }

            public class AuditMiddleware : IMiddleware
            {
                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    await next(context);
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapMethods("/orders", new[] { "PATCH" }, () => Results.Ok({|LBP101:new AmazonS3Client()|}));
                    app.MapFallback(() => Results.NotFound());
                    app.Run(async context => await context.Response.WriteAsync(({|LBP101:new AmazonS3Client()|}).ToString()!));
                }
            }

            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.ApplicationLoadBalancerFunction
            {
            }
        }
        """, OutputKind.DynamicallyLinkedLibrary);

    // What MVC and Razor Pages take for controllers, handlers and the constructor they build with (a review's cases).
    [Fact]
    public Task WhatMvcCreatesPerRequest_AndWhatItDoesNot() => VerifyAsync("""
        namespace Orders.Api
        {
            public abstract class ApiControllerBase : ControllerBase
            {
                protected readonly AmazonS3Client Audit = {|LBP101:new AmazonS3Client()|};
                protected AmazonS3Client? Reports;

                protected ApiControllerBase()
                {
                    Reports = {|LBP101:new AmazonS3Client()|};
                }
            }

            // No constructor of its own: the base's initializers and base() still run per request.
            public class InvoicesController : ApiControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [NonController]
            public class HelperBase : ControllerBase
            {
            }

            // [NonController] is inherited: not a controller.
            public class ReportBuilder : HelperBase
            {
                private readonly AmazonS3Client _s3 = new AmazonS3Client();

                public AmazonS3Client Make() => new AmazonS3Client();
            }

            public class OrdersController : ControllerBase
            {
                private readonly IAmazonS3 _s3;

                // Not the constructor the container uses (fewer parameters than the other).
                public OrdersController()
                    : this(new AmazonS3Client())
                {
                }

                public OrdersController(IAmazonS3 s3) => _s3 = s3;

                public IActionResult Get() => Ok(_s3);
            }

            public static class Fakes
            {
                // A nested class is no controller.
                public class FakeOrdersController : ControllerBase
                {
                    public AmazonS3Client Get() => new AmazonS3Client();
                }
            }

            public class IndexModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
            {
                private readonly AmazonS3Client _s3 = {|LBP101:new AmazonS3Client()|};

                public void OnPostAsync()
                {
                }

                // Not a handler: "Online" is no verb.
                public AmazonS3Client OnlineArchive() => new AmazonS3Client();
            }

            public class AuditMiddleware : IMiddleware
            {
                Task IMiddleware.InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    return next(context);
                }
            }

            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
            {
            }
        }
        """, OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public async Task AspNetCoreWithoutLambda_IsNotOnAnyPath()
    {
        // The same controller in a web application that Lambda does not run (no Amazon.Lambda.AspNetCoreServer).
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class OrdersController : ControllerBase
                {
                    public IActionResult Get() => Ok(new AmazonS3Client());
                }
                """,
            Stubs = Stubs.All,
            BaseReferences = ReferenceSets.Net80WithAwsAndAspNetCore,
        };
        await test.RunAsync();
    }

    private static async Task VerifyAsync(string source, OutputKind outputKind)
    {
        var test = new Verify.Test
        {
            TestCode = Usings + source,
            Stubs = Stubs.AllWithAspNetCore,
            BaseReferences = ReferenceSets.Net80WithAwsAndAspNetCore,
        };
        test.TestState.OutputKind = outputKind;
        await test.RunAsync();
    }
}
