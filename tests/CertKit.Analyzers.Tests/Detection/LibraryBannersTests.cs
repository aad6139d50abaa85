using CertKit.Analyzers.Detection;
using Xunit;

namespace CertKit.Analyzers.Tests.Detection;

public sealed class LibraryBannersTests
{
    [Theory]
    [InlineData("/*!\n * Gallerio\n * http://gallerio.example.org/\n * Version: 2.3.1\n *\n * Copyright 2016 Ada Lovelace\n * Released under the MIT license\n */\n(function(){\n  'use strict';\n})();\n", "library banner (2.3.1, licence)")]
    [InlineData("//! tinydate.js\n//! version : 1.4.0\n//! authors : Grace Hopper\n//! license : MIT\n\n(function (undefined) {\n})();\n", "library banner (1.4.0, licence)")]
    [InlineData("\uFEFF/* NUGET: BEGIN LICENSE TEXT\n *\n * The vendor grants you the right to use these script files.\n *\n * NUGET: END LICENSE TEXT */\n/*!\n * a plug-in\n */\n", "a NuGet package's script (licence banner)")]
    [InlineData("/**\n * @license Slidey\n * (c) someone\n */\nvar Slidey = {};\n", "library banner (@license)")]
    [InlineData("/*! Tabbery v1.2.0 | github.com/someone/tabbery */\n(function($){})(jQuery);\n", "library banner (1.2.0, a banner minifiers keep)")]
    [InlineData("/* ------------------------\n\tClass: Boxlight\n\tAuthor: Jane Roe (http://boxlight.example.org)\n\tVersion: 3.1.6\n------------------------- */\n(function($) {})(jQuery);\n", "library banner (3.1.6, author's page)")]
    [InlineData("/*  Selectly - v1.1.0\n    https://github.com/someone/selectly\n    Made by Jo Doe  */\n\n(function($) {})(jQuery);\n", "library banner (1.1.0, author's page)")]
    [InlineData("// | Vectoria 2.1.2 - Vector Library |\n// | Copyright © 2010 Someone Else  |\n(function (glob) {})(this);\n", "library banner (2.1.2, copyright)")]
    [InlineData("/*\n * Calendarium\n * Version: {{ version }}\n * Released under the MIT license\n */\n", "library banner ({{ version }}, licence)")]
    [InlineData(";/* Monthlyish 2.0.5 by Kim Doe is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License. */\n(function($){})(jQuery);\n", "library banner (2.0.5, licence)")]
    public void A_library_banner_at_the_top_marks_third_party_code(string text, string reason) => Assert.Equal(reason, LibraryBanners.ReasonOf(text));

    [Theory]
    // An application's own licence header: the licence has a version, the file has none.
    [InlineData("/*\n * Copyright 2024 Acme Payments GmbH\n *\n * Licensed under the Apache License, Version 2.0 (the \"License\");\n * you may not use this file except in compliance with the License.\n */\nimport { capture } from './capture';\n")]
    [InlineData("// SPDX-License-Identifier: MIT\n// Copyright (c) 2024 Acme Payments\nexport const currency = 'EUR';\n")]
    [InlineData("/* This program is free software: you can redistribute it under the GNU General Public License, either version 3 of the License, or any later version. */\nvar a = 1;\n")]
    [InlineData("/* Licensed under Creative Commons Attribution-ShareAlike 4.0 International */\nvar a = 1;\n")]
    // A version without a licence, a copyright, a kept banner or an author's page: a note about the code.
    [InlineData("// Retries the 2.0 checkout flow before giving up\nexport function retry() {}\n")]
    [InlineData("/**\n * Version: 1.0.0\n * Author: payments team\n */\nexport const handler = () => {};\n")]
    // Licence words after the first code are not a banner.
    [InlineData("export const version = '1.2.3';\n/*! MIT license */\n")]
    [InlineData("")]
    public void An_applications_own_header_or_no_banner_is_not_third_party(string text) => Assert.Null(LibraryBanners.ReasonOf(text));

    [Theory]
    [InlineData("Content/widgets/calendar/calendar-demo.js", true)]
    [InlineData("Content/widgets/flot/flot-demo-1.js", true)]
    [InlineData("widgets/tabs/demo.js", true)]
    [InlineData("widgets/maps/maps_demo.ts", true)]
    [InlineData("src/demoMode.js", false)]
    [InlineData("src/democracy.js", false)]
    [InlineData("src/payments.js", false)]
    public void Demo_names(string path, bool demo) => Assert.Equal(demo, FileClassifier.IsDemoName(path));

    [Fact]
    public void Only_scripts_are_judged_by_a_banner()
    {
        const string Banner = "/*! Gallerio v2.3.1 | MIT license */\n";
        Assert.NotNull(FileClassifier.VendoredReasonOf(FileLanguage.JavaScript, Banner));
        Assert.NotNull(FileClassifier.VendoredReasonOf(FileLanguage.TypeScript, Banner));
        Assert.Null(FileClassifier.VendoredReasonOf(FileLanguage.CSharp, Banner));
    }

    [Fact]
    public void A_umd_module_wrapper_marks_a_library_and_an_applications_modules_do_not()
    {
        Assert.Equal("library module wrapper (UMD, define.amd)", FileClassifier.VendoredReasonOf(FileLanguage.JavaScript,
            "(function(root, factory) {\n  if (typeof exports === 'object') { module.exports = factory(); }\n  else if (typeof define === 'function' && define.amd) { define('Mapsy', [], factory); }\n  root.Mapsy = factory();\n}(this, function() { return {}; }));\n"));
        Assert.Null(FileClassifier.VendoredReasonOf(FileLanguage.TypeScript, "import { capture } from './capture';\nexport const handler = async () => capture();\n"));
        Assert.Null(FileClassifier.VendoredReasonOf(FileLanguage.JavaScript, "define(['jquery', 'app/cart'], function ($, cart) {\n  return { checkout: cart.checkout };\n});\n"));
    }

    [Theory]
    [InlineData("var card =\n/******/ (function (modules) { // webpackBootstrap\n/******/ \tvar installedModules = {};\n")]
    [InlineData(";(function(){\n  function require(name) { return require.modules[name].exports; }\n  require.modules = {};\n  require.register = function (name, definition) { require.modules[name] = { definition: definition }; };\n")]
    [InlineData("(function() {\n  var Reveal, Util,\n    __bind = function(fn, me){ return function(){ return fn.apply(me, arguments); }; },\n    __indexOf = [].indexOf || function(item) { return -1; };\n")]
    [InlineData("(function() {\n  var Picker,\n    __hasProp = {}.hasOwnProperty,\n    __extends = function(child, parent) { return child; };\n")]
    public void Bundles_and_compiled_coffeescript_are_generated(string head) =>
        Assert.True(FileClassifier.LooksGenerated(head));

    [Theory]
    [InlineData("const registry = {};\nexport function register(name, handler) { registry[name] = handler; }\n")]
    [InlineData("function bind(fn, me) { return function () { return fn.apply(me, arguments); }; }\nconsole.log('ready');\n")]
    [InlineData("// Copyright 2024 Site Ltd.\nconst hasOwn = {}.hasOwnProperty;\nmodule.exports = { hasOwn };\n")]
    public void An_applications_own_registries_and_helpers_are_not_generated(string head) =>
        Assert.False(FileClassifier.LooksGenerated(head));
}
