global using Htmx;
global using Coaching.Web.Access;
