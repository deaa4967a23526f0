using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// Init code: runs once per execution environment, before the first request.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();

// Runs the application as a Lambda function (HTTP API events) when it runs in Lambda, and on Kestrel elsewhere.
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);

// Compliant: one client per execution environment, injected where it is needed.
builder.Services.AddSingleton<IAmazonS3>(new AmazonS3Client());

var app = builder.Build();
app.MapControllers();

// Compliant: the endpoint takes the shared client from the container.
app.MapGet("/reports/{name}", async (string name, IAmazonS3 s3) =>
{
    var report = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Environment.GetEnvironmentVariable("REPORTS_BUCKET") ?? "reports", Key = name });
    return Results.Ok(report.ContentLength);
});

// Non-compliant: the endpoint lambda runs per request, and builds a client each time.
app.MapDelete("/reports/{name}", async (string name) =>
{
    var s3 = new AmazonS3Client(); // LBP101
    await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Environment.GetEnvironmentVariable("REPORTS_BUCKET") ?? "reports", Key = name });
    return Results.NoContent();
});

app.Run();
