import { describe, expect, it } from 'vitest';
import { allManifestParsers, ParseError } from '@lockwarden/core';

const manifest = (await allManifestParsers()).find((m) => m.id === 'Gemfile');
const parse = (text: string) => manifest!.parse(text, 'Gemfile');

describe('Gemfile manifest parser', () => {
  it('declares gems with requirements, groups, git/github/path sources and nested blocks', () => {
    const deps = parse(`# frozen_string_literal: true
source "https://rubygems.org"
ruby "3.3.0"

gem "rails", "~> 7.1.0", ">= 7.1.2" # the framework
gem 'pg', '>= 1.1', require: false
gem "puma",
    "~> 6.0"
gem "kaminari", git: "https://github.com/kaminari/kaminari.git", branch: "master"
gem "devise", github: "heartcombo/devise"
gem "local_gem", path: "vendor/local_gem"
gem "bootsnap", require: false if ENV["BOOT"]

group :development, :test do
  gem "rspec-rails", "~> 6.1"
  platforms :mri do
    gem "debug"
  end
end

group :test do
  gem "capybara", group: :system
end
gem "rubocop", groups: [:lint, :development]
gem "nokogiri", :platforms => [:ruby], :group => :default

path "engines" do
  gem "billing"
end
gemspec
`);
    expect(deps.map((d) => `${d.name} | ${d.specifier} | [${d.scopes.join(',')}] | ${d.location.line}`)).toEqual([
      'rails | ~> 7.1.0, >= 7.1.2 | [] | 5',
      'pg | >= 1.1 | [] | 6',
      'puma | ~> 6.0 | [] | 7',
      'kaminari | https://github.com/kaminari/kaminari.git | [] | 9',
      'devise | https://github.com/heartcombo/devise.git | [] | 10',
      'local_gem | vendor/local_gem | [] | 11',
      'bootsnap |  | [] | 12',
      'rspec-rails | ~> 6.1 | [development,test] | 15',
      'debug |  | [development,test] | 17',
      'capybara |  | [test,system] | 22',
      'rubocop |  | [lint,development] | 24',
      'nokogiri |  | [] | 25',
      'billing | engines | [] | 28',
    ]);
    expect(deps[0]?.purl).toBe('pkg:gem/rails');
  });

  it('says where it cannot follow the Ruby, instead of dropping gems silently', () => {
    expect(() => parse('gem some_variable\n')).toThrow(ParseError);
    expect(() => parse('gem some_variable\n')).toThrow('Gemfile:1:1: gem name must be a string literal');
    expect(() => parse('group :test do\n  gem "x"\n')).toThrow('Gemfile:1:1: block is never closed with "end"');
    expect(() => parse('end\n')).toThrow('Gemfile:1:1: "end" without a block to close');
    expect(() => parse('gem "x", "1.0\n')).toThrow('unterminated string');
    expect(() => parse('gem "x\u0000"\n')).toThrow(ParseError);
  });
});
