-- Search for random 3-letter prefixes of words the demo data holds.
local prefixes = {"nor", "aur", "bal", "ced", "del", "elb", "fjo", "gra", "har", "ibe", "jun", "kes",
                  "lum", "mer", "nov", "ori", "pio", "qua", "rhe", "sum", "log", "che", "foo", "mot",
                  "pha", "tex", "ene", "han", "sys", "wer", "tra", "koe", "mun", "ham", "wie", "zur"}
math.randomseed(42)
request = function()
  local prefix = prefixes[math.random(#prefixes)]
  return wrk.format("GET", "/api/v1/search?q=" .. prefix .. "&limit=20")
end
